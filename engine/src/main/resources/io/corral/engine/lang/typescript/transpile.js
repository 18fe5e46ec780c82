// Corral's TypeScript transpiler entry: evaluated in a compiler context after typescript.js (which
// defines the global `ts`). Compiler contexts never run user code; they only turn TypeScript
// source text into JavaScript text. Type errors are not checked (like Riza): only syntax errors
// are reported, with the line and column of the TypeScript source.
(function () {
    'use strict';
    const compilerOptions = {
        target: ts.ScriptTarget.ES2022,
        // CommonJS, as `tsc` emits for Node: imports become require() of the built-in modules, and
        // default imports of them work (esModuleInterop), as they do with tsc + node
        module: ts.ModuleKind.CommonJS,
        esModuleInterop: true,
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

    // The output runs as JavaScript runs a script (CommonJS: `require` and `exports` are globals
    // there). What the compiler puts before the first line of the source (the "use strict"
    // directive, its import helpers, the `__esModule` mark, `exports.x = void 0` lines) is joined
    // onto one line, so the JavaScript keeps the TypeScript's first lines where they were.
    function asScript(output) {
        const preamble = /^(?:"use strict";|Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);|exports\.[\w$]+ = (?:exports\.[\w$]+ = )*(?:void 0|[\w$]+);)$/;
        const lines = output.split('\n');
        let end = 0;
        const helpers = lines.findIndex((line) => line.startsWith('Object.defineProperty(exports, "__esModule"'));
        if (lines[0] === '"use strict";' && helpers > 0) {
            end = helpers;
        }
        while (end < lines.length - 1 && preamble.test(lines[end])) {
            end++;
        }
        if (end === 0) {
            return output;
        }
        return lines.slice(0, end).map((line) => line.trim()).join(' ') + ' ' + lines.slice(end).join('\n');
    }
})();
