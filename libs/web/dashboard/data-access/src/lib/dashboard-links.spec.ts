import type { Dashboard } from '@pt/shared/api-types';
import {
  evaluatedCount,
  evaluatedLink,
  evaluationStatusLink,
  gradeCount,
  gradeLink,
  lightLink,
  linkUrl,
  projectLink,
  kindLink,
  projectsLink,
  scoreBandLink,
  statusLink,
  unitLink,
} from './dashboard-links';

const ORG = '7b0c7f4e-0d2a-4c53-9a57-0d0f2a0c1a11';
const UNIT = 'a1b2c3d4-0000-4000-8000-000000000001';

describe('dashboard links (click → project list query)', () => {
  const f = { year: 2025 };
  const fOrg = { year: 2025, orgId: ORG };

  it('grade bar 良 → /projects?year=2025&grade=良', () => {
    const link = gradeLink(f, '良');
    expect(link).toEqual({ commands: ['/projects'], queryParams: { year: 2025, grade: '良' } });
    expect(linkUrl(link)).toBe('/projects?year=2025&grade=良');
  });

  it('keeps the selected organisation', () => {
    expect(linkUrl(gradeLink(fOrg, '优'))).toBe(`/projects?year=2025&orgId=${ORG}&grade=优`);
    expect(linkUrl(projectsLink(fOrg))).toBe(`/projects?year=2025&orgId=${ORG}`);
    expect(linkUrl(projectsLink({ year: 2025, orgId: null }))).toBe('/projects?year=2025');
    expect(linkUrl(kindLink({ year: 2025, orgId: null }, 'department'))).toBe('/projects?year=2025&kind=department');
  });

  it('score band 60–70 → scoreMin=60&scoreMax=70; the top band keeps its bound 101', () => {
    expect(linkUrl(scoreBandLink(f, { min: 60, max: 70 }))).toBe('/projects?year=2025&scoreMin=60&scoreMax=70');
    expect(scoreBandLink(f, { min: 90, max: 101 }).queryParams).toEqual({ year: 2025, scoreMin: 90, scoreMax: 101 });
    expect(scoreBandLink(f, { min: 0, max: 60 }).queryParams).toEqual({ year: 2025, scoreMin: 0, scoreMax: 60 });
  });

  it('status slice → status=approved', () => {
    expect(linkUrl(statusLink(f, 'approved'))).toBe('/projects?year=2025&status=approved');
  });

  it('evaluation status → evaluationStatus=submitted', () => {
    expect(linkUrl(evaluationStatusLink(fOrg, 'submitted'))).toBe(`/projects?year=2025&orgId=${ORG}&evaluationStatus=submitted`);
  });

  it('已自评 → every saved evaluation (score in [0, 101))', () => {
    expect(linkUrl(evaluatedLink(f))).toBe('/projects?year=2025&scoreMin=0&scoreMax=101');
  });

  it('red light count → light=red', () => {
    expect(linkUrl(lightLink(f, 'red'))).toBe('/projects?year=2025&light=red');
  });

  it('unit ranking bar → that unit (replacing the selected organisation) with its evaluated projects', () => {
    expect(unitLink(fOrg, UNIT).queryParams).toEqual({ year: 2025, orgId: UNIT, scoreMin: 0, scoreMax: 101 });
    expect(linkUrl(unitLink(f, UNIT))).toBe(`/projects?year=2025&orgId=${UNIT}&scoreMin=0&scoreMax=101`);
  });

  it('red project → /projects/:id', () => {
    expect(projectLink('p-1')).toEqual({ commands: ['/projects', 'p-1'], queryParams: {} });
    expect(linkUrl(projectLink('p-1'))).toBe('/projects/p-1');
  });
});

describe('dashboard figures', () => {
  const d: Pick<Dashboard, 'grades' | 'unitRanking'> = {
    grades: [
      { grade: '良', count: 3 },
      { grade: '优', count: 1 },
    ],
    unitRanking: [
      { orgId: 'a', orgName: '甲', averageScore: '91.00', count: 1 },
      { orgId: 'b', orgName: '乙', averageScore: '80.50', count: 2 },
      { orgId: 'c', orgName: '丙', averageScore: '70.00', count: 1 },
    ],
  };

  it('counts the evaluated projects and each grade (missing grades are 0)', () => {
    expect(evaluatedCount(d)).toBe(4);
    expect(gradeCount(d, '良')).toBe(3);
    expect(gradeCount(d, '差')).toBe(0);
  });

});
