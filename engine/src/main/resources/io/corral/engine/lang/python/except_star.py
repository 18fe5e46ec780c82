# except* (PEP 654) for GraalPy 25.0, which parses it but cannot run it ("NotImplementedError: try
# star"). A script that uses it is compiled from its syntax tree with every try/except* rewritten to
# a plain try/except that hands the caught exception to ExceptStar, which does what CPython's
# interpreter does: split the group by each clause's types, run the matching clauses with the matched
# part as the current exception, then raise what is left together with what the clauses raised
# (_PyExc_PrepReraiseStar). Evaluated as an internal source, so ExceptStar's frames stay out of
# tracebacks; its value is the function that compiles a script.


def _corral_except_star():
    import ast

    def group_of(excs):
        return BaseExceptionGroup("", excs)

    def leaves(e, into):
        if isinstance(e, BaseExceptionGroup):
            for x in e.exceptions:
                leaves(x, into)
        else:
            into.add(id(e))

    class ExceptStar:
        """One try/except* statement handling one exception."""

        def __init__(self, exc):
            self.orig = exc
            self.naked = not isinstance(exc, BaseExceptionGroup)
            self.rest = exc
            self.matched = None
            self.matched_groups = []
            self.raised = []

        def match(self, types):
            if isinstance(types, tuple):
                check = types
            else:
                check = (types,)
            for t in check:
                if not (isinstance(t, type) and issubclass(t, BaseException)):
                    raise TypeError("catching classes that do not inherit from BaseException is not allowed")
                if issubclass(t, BaseExceptionGroup):
                    raise TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.")
            if self.rest is None:
                return False
            if self.naked:
                if isinstance(self.rest, types):
                    self.matched, self.rest = group_of((self.rest,)), None
                else:
                    return False
            else:
                self.matched, self.rest = self.rest.split(types)
                if self.matched is None:
                    return False
            self.matched_groups.append(self.matched)
            return True

        def enter(self):
            # the matched part becomes the current exception of the clause, as in CPython
            matched = self.matched
            self._saved = (matched.__traceback__, matched.__context__, matched.__suppress_context__)
            raise matched

        def entered(self, matched):
            matched.__traceback__, matched.__context__, matched.__suppress_context__ = self._saved

        def clause_raised(self, e):
            self.raised.append(e)

        def throw(self):
            excs = self.raised + ([self.rest] if self.rest is not None else [])
            if not excs:
                return
            if self.naked:
                raise excs[0]
            reraised_ids = set()
            new = []
            for e in excs:
                if e is self.rest or any(e is g for g in self.matched_groups):
                    leaves(e, reraised_ids)
                else:
                    new.append(e)
            reraised = None
            if reraised_ids:
                reraised = self.orig.split(
                    lambda e: not isinstance(e, BaseExceptionGroup) and id(e) in reraised_ids)[0]
            if not new:
                raise reraised
            raise group_of(new + ([reraised] if reraised is not None else []))

    counter = [0]

    class NoJumps(ast.NodeVisitor):
        """'break', 'continue' and 'return' cannot leave an except* clause (a SyntaxError in CPython)."""

        def __init__(self, path):
            self.path = path
            self.loops = 0

        def fail(self, node):
            error = SyntaxError("'break', 'continue' and 'return' cannot appear in an except* block")
            error.filename, error.lineno, error.offset = self.path, node.lineno, node.col_offset + 1
            raise error

        def visit_Return(self, node):
            self.fail(node)

        def visit_Break(self, node):
            if not self.loops:
                self.fail(node)

        visit_Continue = visit_Break

        def visit_loop(self, node):
            self.loops += 1
            self.generic_visit(node)
            self.loops -= 1

        visit_For = visit_AsyncFor = visit_While = visit_loop

        def visit_FunctionDef(self, node):
            pass

        visit_AsyncFunctionDef = visit_ClassDef = visit_Lambda = visit_FunctionDef

    class Rewrite(ast.NodeTransformer):
        def __init__(self, path):
            self.path = path

        def visit_TryStar(self, node):
            self.generic_visit(node)
            counter[0] += 1
            star = "__corral_star_%d" % counter[0]
            caught = "__corral_caught_%d" % counter[0]
            clause = []
            for handler in node.handlers:
                for stmt in handler.body:
                    NoJumps(self.path).visit(stmt)
                name = handler.name or "__corral_matched_%d" % counter[0]
                run = ast.Try(
                    body=handler.body,
                    handlers=[ast.ExceptHandler(type=ast.Name("BaseException", ast.Load()), name="__corral_raised",
                                                body=[self.call(star, "clause_raised", ast.Name("__corral_raised", ast.Load()))])],
                    orelse=[], finalbody=[])
                enter = ast.Try(
                    body=[self.call(star, "enter")],
                    handlers=[ast.ExceptHandler(type=ast.Name("BaseException", ast.Load()), name=name,
                                                body=[self.call(star, "entered", ast.Name(name, ast.Load())), run])],
                    orelse=[], finalbody=[])
                clause.append(ast.If(test=self.call(star, "match", handler.type).value, body=[enter], orelse=[]))
            inner = ast.Try(
                body=node.body,
                handlers=[ast.ExceptHandler(
                    type=ast.Name("BaseException", ast.Load()), name=caught,
                    body=[ast.Assign(targets=[ast.Name(star, ast.Store())],
                                     value=ast.Call(ast.Name("__corral_except_star__", ast.Load()),
                                                    [ast.Name(caught, ast.Load())], []))] + clause)],
                orelse=node.orelse, finalbody=[])
            body = [ast.Assign(targets=[ast.Name(star, ast.Store())], value=ast.Constant(None)), inner,
                    ast.If(test=ast.Compare(ast.Name(star, ast.Load()), [ast.IsNot()], [ast.Constant(None)]),
                           body=[self.call(star, "throw")], orelse=[])]
            if node.finalbody:
                body = [ast.Try(body=body, handlers=[], orelse=[], finalbody=node.finalbody)]
            for stmt in body:
                ast.copy_location(stmt, node)
            return body

        @staticmethod
        def call(star, method, *args):
            return ast.Expr(ast.Call(ast.Attribute(ast.Name(star, ast.Load()), method, ast.Load()), list(args), []))

    def compile_script(code, path, namespace):
        """The script's code object with except* rewritten, or None when it has none."""
        tree = ast.parse(code, path)
        if not any(isinstance(n, ast.TryStar) for n in ast.walk(tree)):
            return None
        tree = ast.fix_missing_locations(Rewrite(path).visit(tree))
        namespace["__corral_except_star__"] = ExceptStar
        return compile(tree, path, "exec", dont_inherit=True)

    return compile_script


_corral_except_star
