// Every consistency rule, in the order they run. One rule per file; the file is
// named after the rule id (plan/level-order → plan-level-order.ts).
import type { LintRule } from '../types.js';
import { dateBuddhistEraYear } from './date-buddhist-era-year.js';
import { planActivityMonthOutsidePeriod } from './plan-activity-month-outside-period.js';
import { planAnnouncementAfterFirstYear } from './plan-announcement-after-first-year.js';
import { planApprovalAfterAnnouncement } from './plan-approval-after-announcement.js';
import { planApprovalLongBeforePeriod } from './plan-approval-long-before-period.js';
import { planLevelOrder } from './plan-level-order.js';
import { planLevelRulesOrder } from './plan-level-rules-order.js';
import { planPeriodOrder } from './plan-period-order.js';
import { resultsDateInOtherMonth } from './results-date-in-other-month.js';
import { resultsDateOutsideFiscalYear } from './results-date-outside-fiscal-year.js';
import { resultsDuplicateActivity } from './results-duplicate-activity.js';
import { resultsDuplicateDivision } from './results-duplicate-division.js';
import { resultsDuplicateEntry } from './results-duplicate-entry.js';
import { resultsFileNameMismatch } from './results-file-name-mismatch.js';
import { resultsFiscalYearOutsidePeriod } from './results-fiscal-year-outside-period.js';
import { resultsHeldIncomplete } from './results-held-incomplete.js';
import { resultsInformedBelowParticipants } from './results-informed-below-participants.js';
import { resultsInformedExceedsStaff } from './results-informed-exceeds-staff.js';
import { resultsMethodNotPlanned } from './results-method-not-planned.js';
import { resultsNotHeldWithDetails } from './results-not-held-with-details.js';
import { resultsParticipantsBelowMinimum } from './results-participants-below-minimum.js';
import { resultsParticipantsExceedStaff } from './results-participants-exceed-staff.js';
import { resultsStaffMissingDivision } from './results-staff-missing-division.js';
import { resultsUnknownActivity } from './results-unknown-activity.js';

export const RULES: readonly LintRule[] = [
  dateBuddhistEraYear,
  planActivityMonthOutsidePeriod,
  planAnnouncementAfterFirstYear,
  planApprovalAfterAnnouncement,
  planApprovalLongBeforePeriod,
  planLevelOrder,
  planLevelRulesOrder,
  planPeriodOrder,
  resultsDateInOtherMonth,
  resultsDateOutsideFiscalYear,
  resultsDuplicateActivity,
  resultsDuplicateDivision,
  resultsDuplicateEntry,
  resultsFileNameMismatch,
  resultsFiscalYearOutsidePeriod,
  resultsHeldIncomplete,
  resultsInformedBelowParticipants,
  resultsInformedExceedsStaff,
  resultsMethodNotPlanned,
  resultsNotHeldWithDetails,
  resultsParticipantsBelowMinimum,
  resultsParticipantsExceedStaff,
  resultsStaffMissingDivision,
  resultsUnknownActivity,
];
