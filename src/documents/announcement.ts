// ประกาศ: the announcement of the plan that the chief executive signs.
import type { KmData } from '../model/schema.js';
import { ANNOUNCEMENT_LAYOUT, layoutLengths } from './official-layout.js';
import type { DocumentSpec } from './registry.js';
import { organizationView, planView } from './view.js';

export function announcement(data: KmData): DocumentSpec {
  return {
    name: 'announcement',
    template: 'announcement',
    date: data.plan.announcement.date,
    context: { org: organizationView(data), plan: planView(data), layout: layoutLengths(ANNOUNCEMENT_LAYOUT) },
  };
}
