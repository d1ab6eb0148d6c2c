import { WorkTaskOrgEntity } from './work-task-org.entity';
import { WorkTaskEntity } from './work-task.entity';

export { WorkTaskEntity, WorkTaskOrgEntity };
export const WORK_ENTITIES = [WorkTaskEntity, WorkTaskOrgEntity];
