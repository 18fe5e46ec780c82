# Corral's Python prelude: evaluated once in every fresh context, before an execution is bound.
# __corral_run binds one execution (argv, environment), runs its script as __main__, prints
# uncaught exceptions the way CPython does, and returns the exit status.
import sys as _sys
import builtins as _builtins, json as _json, os as _os, types as _types, linecache as _linecache, traceback as _traceback

# Output reaches the host line by line, so what a script printed before a timeout stopped it is
# kept (CPython's block buffering on a pipe would lose it).
_sys.stdout.reconfigure(line_buffering=True)
_sys.stderr.reconfigure(line_buffering=True)


def _exit_status(e):
    # what CPython's interpreter does with an uncaught SystemExit
    code = e.code
    if code is None:
        return 0
    if isinstance(code, bool):
        return int(code)
    if isinstance(code, int):
        return code & 0xFF
    try:
        print(code, file=_sys.stderr)
    except BaseException:
        pass
    return 1


def __corral_run(code, path, argv_json, env_json):
    _sys.argv = [path] + _json.loads(argv_json)
    env = _json.loads(env_json)
    _os.environ.clear()
    _os.environ.update(env)

    # lets tracebacks show the offending source line, as CPython does for a file on disk
    _linecache.cache[path] = (len(code), None, code.splitlines(True), path)

    main = _types.ModuleType("__main__")
    main.__file__ = path
    main.__builtins__ = _builtins
    _sys.modules["__main__"] = main
    try:
        exec(compile(code, path, "exec", dont_inherit=True), main.__dict__)
        return 0
    except SystemExit as e:
        return _exit_status(e)
    except BaseException as e:
        tb = e.__traceback__
        # hide this prelude's own frame: the trace starts in the user's script, as in CPython
        while tb is not None and tb.tb_frame.f_code.co_filename != path:
            tb = tb.tb_next
        _sys.stdout.flush()
        _traceback.print_exception(type(e), e, tb)
        _sys.stderr.flush()
        return 1
    finally:
        try:
            _sys.stdout.flush()
            _sys.stderr.flush()
        except BaseException:
            pass


# the value of this source: the function the host calls to run an execution
__corral_run
