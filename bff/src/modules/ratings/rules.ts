// 好差评 rules (GB/T 39734-2020 / 39735-2020, as the domain brief states them), in one place:
// the five levels, the online indicators, what counts as a bad rating and the rectification
// deadline in working days.
import { addWorkingDays, endOfChinaDay } from '../../rules/working-days';

export const LEVELS = [
  'VERY_SATISFIED',
  'SATISFIED',
  'BASICALLY_SATISFIED',
  'DISSATISFIED',
  'VERY_DISSATISFIED',
] as const;
export type RatingLevel = (typeof LEVELS)[number];

export const LEVEL_TEXT: Record<RatingLevel, string> = {
  VERY_SATISFIED: '非常满意',
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
  VERY_DISSATISFIED: '非常不满意',
};

/** 5 for 非常满意 down to 1 for 非常不满意 (averages in supervision). */
export const LEVEL_SCORE: Record<RatingLevel, number> = {
  VERY_SATISFIED: 5,
  SATISFIED: 4,
  BASICALLY_SATISFIED: 3,
  DISSATISFIED: 2,
  VERY_DISSATISFIED: 1,
};

/** The online indicators, each scored 1-5 (5 best). */
export const INDICATORS = ['overall', 'efficiency', 'guideAccuracy', 'convenience', 'easeOfUse'] as const;
export type Indicator = (typeof INDICATORS)[number];

export const INDICATOR_TEXT: Record<Indicator, string> = {
  overall: '总体满意度',
  efficiency: '办事效率',
  guideAccuracy: '办事指南准确性',
  convenience: '办事便捷度',
  easeOfUse: '平台易用性',
};

export const isBad = (level: RatingLevel) => level === 'DISSATISFIED' || level === 'VERY_DISSATISFIED';

/** A bad rating must be answered within 15 working days (the day it was opened not counted). */
export const RECTIFICATION_WORKING_DAYS = 15;

export function rectificationDue(openedAt: Date): { day: string; at: Date } {
  const day = addWorkingDays(openedAt, RECTIFICATION_WORKING_DAYS);
  return { day, at: endOfChinaDay(day) };
}

export const SERVICE_TYPES = ['question', 'appointment', 'application'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
