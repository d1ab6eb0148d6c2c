export * from './lib/entities/indicator.entity';
export * from './lib/entities/project-goal.entity';
export * from './lib/entities/project-history.entity';
export * from './lib/entities/project.entity';
export * from './lib/entities/review-comment.entity';
export * from './lib/org-scope.service';
