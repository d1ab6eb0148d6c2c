import type { FrameworkGroup, ScoringSettings, TotalGrade } from '@pt/domain';

/**
 * Frameworks and scoring settings as versioned data (issue 12). A version never changes: an edit creates the
 * next one, new projects take the latest, and a project keeps the versions it was declared under.
 * Only a 系统管理员 may list and create versions.
 */

export interface FrameworkGroupDto {
  name: string;
  /** Points out of 90, or null where there is no official weight. */
  weight: number | null;
  role: FrameworkGroup['role'];
  children: string[];
}

/** POST /api/admin/frameworks/:code — the next version of a framework. */
export interface CreateFrameworkVersionDto {
  /** The version the edit started from: a 409 when someone saved another version since. */
  baseVersion: number;
  name: string;
  region: string;
  groups: FrameworkGroupDto[];
  note?: string | null;
}

export interface GradeBandDto {
  grade: TotalGrade;
  min: string;
}

/** POST /api/admin/frameworks/settings — the next version of the scoring settings. */
export interface CreateScoringSettingsVersionDto {
  baseVersion: number;
  reverseRule: ScoringSettings['reverseRule'];
  farAboveThreshold: string;
  budgetPoints: string;
  indicatorPoints: string;
  gradeBands: GradeBandDto[];
  note?: string | null;
}

/** Who saved a version, and when (version 1: the shipped data, saved by the migration). */
interface VersionStamp {
  version: number;
  createdAt: string;
  /** Username, null for version 1. */
  createdBy: string | null;
  note: string | null;
}

export interface FrameworkVersion extends VersionStamp {
  code: string;
  name: string;
  region: string;
  groups: FrameworkGroup[];
}

export interface ScoringSettingsVersion extends VersionStamp {
  settings: ScoringSettings;
}

/** GET /api/admin/frameworks: every version, newest first (frameworks by code, then version). */
export interface FrameworksAdminResponse {
  frameworks: FrameworkVersion[];
  settings: ScoringSettingsVersion[];
}

/** The versions a project was declared under: scored, checked and exported by these. */
export interface ProjectScoringBasis {
  frameworkVersion: number;
  settingsVersion: number;
  framework: FrameworkVersion;
  settings: ScoringSettings;
}
