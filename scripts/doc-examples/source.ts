// What a documentation block becomes to be run: the names its preamble only declares (`declare const
// connector: ...`), which the runner binds to fixtures, and the block as an ES module that binds them.
import ts from 'typescript';

/** A name a preamble declares without a value, and where (0-based line and column in the preamble). */
export interface DeclaredName {
  name: string;
  line: number;
  column: number;
}

/** The names of the preamble's `declare const|let|var` and `declare function` statements, in order. */
export function declaredNames(preamble: string): DeclaredName[] {
  const source = ts.createSourceFile('preamble.mts', preamble, ts.ScriptTarget.Latest, true);
  const names: DeclaredName[] = [];
  const add = (node: ts.Node, name: string) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    names.push({ name, line, column: character });
  };
  for (const statement of declareStatements(source)) {
    if (ts.isFunctionDeclaration(statement) && statement.name) add(statement.name, statement.name.text);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) add(declaration.name, declaration.name.text);
      }
    }
  }
  // A function declared with overloads is one name.
  return names.filter((entry, index) => names.findIndex((other) => other.name === entry.name) === index);
}

function declareStatements(source: ts.SourceFile): ts.Statement[] {
  return source.statements.filter((statement) => ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword));
}

/** The global the runner puts a block's fixtures in, before the block's module is loaded. */
export const FIXTURES_GLOBAL = '__itsmDocFixtures';

/**
 * The block as the source of an ES module: a first line binding the preamble's declared names from
 * {@link FIXTURES_GLOBAL}, then the preamble with its `declare` statements blanked (so every line
 * keeps its number), then the block. A line of the block is line `2 + preamble lines + n` of it.
 */
export function runnableSource(preamble: string, code: string): { source: string; names: string[] } {
  const names = declaredNames(preamble).map((entry) => entry.name);
  const file = ts.createSourceFile('preamble.mts', preamble, ts.ScriptTarget.Latest, true);
  let kept = preamble;
  for (const statement of declareStatements(file).reverse()) {
    const start = statement.getStart(file);
    const blank = preamble.slice(start, statement.end).replace(/[^\n]/g, ' ');
    kept = kept.slice(0, start) + blank + kept.slice(statement.end);
  }
  const binding = names.length === 0 ? '' : `const { ${names.join(', ')} } = (globalThis as any).${FIXTURES_GLOBAL};`;
  return { source: `${binding}\n${kept}${code}\n`, names };
}

/** The block's module as JavaScript, with an inline source map (line numbers as in {@link runnableSource}). */
export function transpileBlock(source: string, fileName: string): string {
  const output = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: false,
    compilerOptions: {
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.ESNext,
      moduleDetection: ts.ModuleDetectionKind.Force,
      inlineSourceMap: true,
      inlineSources: true,
      verbatimModuleSyntax: false,
    },
  });
  return output.outputText;
}
