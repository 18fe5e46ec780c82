# Corral's Python prelude: evaluated once in every fresh context, before an execution is bound.
# __corral_run binds one execution (argv, environment) and runs its script as __main__, printing
# uncaught exceptions the way CPython does.
import sys as _sys


def __corral_run(code, path, argv_json, env_json):
    import builtins, json, os, types, linecache, traceback

    _sys.argv = [path] + json.loads(argv_json)
    env = json.loads(env_json)
    os.environ.clear()
    os.environ.update(env)

    # lets tracebacks show the offending source line, as CPython does for a file on disk
    linecache.cache[path] = (len(code), None, code.splitlines(True), path)

    main = types.ModuleType("__main__")
    main.__file__ = path
    main.__builtins__ = builtins
    _sys.modules["__main__"] = main
    try:
        exec(compile(code, path, "exec", dont_inherit=True), main.__dict__)
    except SystemExit:
        raise
    except BaseException as e:
        tb = e.__traceback__
        # hide this prelude's own frame: the trace starts in the user's script, as in CPython
        while tb is not None and tb.tb_frame.f_code.co_filename != path:
            tb = tb.tb_next
        _sys.stdout.flush()
        traceback.print_exception(type(e), e, tb)
        _sys.stderr.flush()
        raise SystemExit(1)
    finally:
        try:
            _sys.stdout.flush()
            _sys.stderr.flush()
        except BaseException:
            pass


# the value of this source: the function the host calls to run an execution
__corral_run
