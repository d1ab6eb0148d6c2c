#!/usr/bin/env node
// Build the API into one file, dist/apps/api/main.js: esbuild bundles the app and the workspace libs
// (path aliases from tsconfig.base.json), leaves node_modules packages external, and compiles each
// TypeScript file with TypeScript itself so that Nest's decorator metadata is emitted (esbuild alone
// does not emit it). Type checking is the `typecheck` target's job.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outfile = path.join(root, 'dist/apps/api/main.js');

const decorators = {
  name: 'ts-decorator-metadata',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const out = ts.transpileModule(source, {
        fileName: args.path,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          useDefineForClassFields: false,
          esModuleInterop: true,
          sourceMap: false,
          inlineSourceMap: true,
          inlineSources: true,
        },
      });
      return { contents: out.outputText, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

fs.rmSync(path.dirname(outfile), { recursive: true, force: true });
const started = Date.now();
await esbuild.build({
  absWorkingDir: root,
  // the server, and the worker thread that draws batch PDFs (libs/api/exports/src/lib/pdf/render-pdf.ts)
  entryPoints: [
    { in: 'apps/api/src/main.ts', out: 'main' },
    { in: 'libs/api/exports/src/lib/pdf/pdf-worker.ts', out: 'pdf-worker' },
  ],
  outdir: path.dirname(outfile),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'linked',
  tsconfig: 'apps/api/tsconfig.app.json',
  plugins: [decorators],
  logLevel: 'warning',
});
console.log(`api built in ${Date.now() - started} ms → ${path.relative(root, outfile)}`);
