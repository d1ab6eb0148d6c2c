import { Injectable } from '@nestjs/common';
import type { UserSummary, WorkbenchTodo, WorkTask } from '@pt/shared/api-types';

/** What every source of the 工作台's 待办 is given: computed once per request. */
export interface WorkbenchContext {
  /** Today in Beijing, YYYY-MM-DD. */
  today: string;
  /** The organisations the user sees. */
  visibleOrgIds: string[];
  /** The tasks covering them (the deadlines of 待办 come from these). */
  tasks: WorkTask[];
}

/**
 * A source of 待办 items (drafts, returns, reviews, monitoring and self-evaluations due — and, from their own feature,
 * rectifications). A feature adds its items by registering a source with {@link WorkbenchTodoSources} from its
 * module (`onModuleInit`): the 工作台 asks every registered source and knows none of them.
 */
export interface WorkbenchTodoSource {
  /** The type of its items (review, returned, rectification…): the menu counts review and returned by it. */
  readonly name: string;
  /** The items, the first ones due (a source may cap its list: the 工作台 shows what is due first). */
  todo(user: UserSummary, ctx: WorkbenchContext): Promise<WorkbenchTodo[]>;
  /** How many items there are in all (the menu's count), when the list is capped; without it, the list's length. */
  count?(user: UserSummary, ctx: WorkbenchContext): Promise<number>;
}

/** The registered sources of 待办 (one instance per application: WorkDataModule is imported, never re-provided). */
@Injectable()
export class WorkbenchTodoSources {
  private readonly sources: WorkbenchTodoSource[] = [];

  register(source: WorkbenchTodoSource): void {
    if (this.sources.some((s) => s.name === source.name)) throw new Error(`待办来源重复注册：${source.name}`);
    this.sources.push(source);
  }

  all(): readonly WorkbenchTodoSource[] {
    return this.sources;
  }
}
