// Corral's TypeScript transpiler entry: evaluated in a compiler context after typescript.js (which
// defines the global `ts`). Compiler contexts never run user code; they only turn TypeScript
// source text into JavaScript text. Type errors are not checked (like Riza): only syntax errors
// are reported, with the line and column of the TypeScript source.
(function () {
    'use strict';
    const compilerOptions = {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        // one file at a time: a type-only import must say so (`import type`), as with isolatedModules
        isolatedModules: true,
        sourceMap: false,
        removeComments: false,
        newLine: ts.NewLineKind.LineFeed,
    };

    // returns JSON text: {"output": "..."} or {"errors": [{"line", "column", "code", "message"}]}
    return function transpile(source, fileName) {
        const result = ts.transpileModule(source, {
            fileName,
            compilerOptions,
            reportDiagnostics: true,
        });
        const errors = (result.diagnostics || [])
            .filter((d) => d.category === ts.DiagnosticCategory.Error)
            .map((d) => {
                let line = 0;
                let column = 0;
                if (d.file && d.start !== undefined) {
                    const pos = d.file.getLineAndCharacterOfPosition(d.start);
                    line = pos.line + 1;
                    column = pos.character + 1;
                }
                return { line, column, code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') };
            });
        if (errors.length > 0) {
            return JSON.stringify({ errors });
        }
        return JSON.stringify({ output: asScript(result.outputText) });
    };

    // The output runs as JavaScript runs a script. A file that was a module only for its types
    // (`import type`) ends in TypeScript's `export {};` marker, which a script cannot hold: it goes,
    // and the strictness a module had stays. The directive shares the first line, so the
    // JavaScript keeps the TypeScript's first lines where they were.
    function asScript(output) {
        const marker = '\nexport {};\n';
        if (output === 'export {};\n') {
            output = '"use strict";\n';
        } else if (output.endsWith(marker)) {
            output = '"use strict"; ' + output.slice(0, output.length - marker.length + 1);
        } else if (output.startsWith('"use strict";\n')) {
            output = '"use strict"; ' + output.slice('"use strict";\n'.length);
        }
        return output;
    }
})();
