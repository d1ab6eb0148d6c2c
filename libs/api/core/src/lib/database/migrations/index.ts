import { Init1732200000000 } from './1732200000000-init';
import { Projects1732300000000 } from './1732300000000-projects';
import { RevisionsLibrary1732400000000 } from './1732400000000-revisions-library';
import { EvaluationMonitoring1732500000000 } from './1732500000000-evaluation-monitoring';
import { Security1732600000000 } from './1732600000000-security';
import { EvaluationFunds1733300000000 } from './1733300000000-evaluation-funds';
import { Frameworks1733400000000 } from './1733400000000-frameworks';
import { LoginAudit1733600000000 } from './1733600000000-login-audit';
import { ExportJobs1733700000000 } from './1733700000000-export-jobs';
import { Attachments1734000000000 } from './1734000000000-attachments';
import { TargetKinds1733800000000 } from './1733800000000-target-kinds';
import { StructuredReview1733900000000 } from './1733900000000-structured-review';
import { ReturnSnapshot1733950000000 } from './1733950000000-return-snapshot';
import { Scale1734100000000 } from './1734100000000-scale';
import { IndicatorMetadata1734010000000 } from './1734010000000-indicator-metadata';
import { LibraryMetadata1734011000000 } from './1734011000000-library-metadata';
import { Rectifications1734020000000 } from './1734020000000-rectifications';
import { AttachmentRectification1734030000000 } from './1734030000000-attachment-rectification';
import { ScaleQueries1734200000000 } from './1734200000000-scale-queries';
import { TargetDocStamp1734300000000 } from './1734300000000-target-doc-stamp';
import { DashboardTally1734400000000 } from './1734400000000-dashboard-tally';
import { IndicatorCount1734500000000 } from './1734500000000-indicator-count';

/** Every migration, in order. The schema changes only through these (synchronize is off). */
export const MIGRATIONS = [Init1732200000000, Projects1732300000000, RevisionsLibrary1732400000000, EvaluationMonitoring1732500000000, Security1732600000000, EvaluationFunds1733300000000, Frameworks1733400000000, LoginAudit1733600000000, ExportJobs1733700000000, TargetKinds1733800000000, StructuredReview1733900000000, ReturnSnapshot1733950000000, Attachments1734000000000, IndicatorMetadata1734010000000, LibraryMetadata1734011000000, Rectifications1734020000000, AttachmentRectification1734030000000, Scale1734100000000, ScaleQueries1734200000000, TargetDocStamp1734300000000, DashboardTally1734400000000, IndicatorCount1734500000000];
