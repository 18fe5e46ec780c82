# Corral's Python prelude: evaluated once in every fresh context, before an execution is bound.
# _run_script binds one execution (argv, environment), runs its script as __main__, prints
# uncaught exceptions the way CPython does, and returns the exit status.
import sys as _sys
import builtins as _builtins, os as _os

# Every context pays for what this prelude imports (each import costs a few hundred ms in a fresh
# GraalPy context), so json, linecache, traceback and types are imported only when needed.
_ModuleType = type(_sys)
_current_code = None

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


def _deny_process(*args, **kwargs):
    raise PermissionError(1, "Operation not permitted: processes cannot be created in this sandbox")


# GraalPy's Java backend refuses process creation with a host exception that no `except` clause can
# catch; scripts get the OSError CPython gives when the OS refuses.
import posix as _posix
for _name in ("system", "fork", "forkpty", "execv", "execve", "posix_spawn", "posix_spawnp", "popen"):
    for _mod in (_os, _posix):
        if hasattr(_mod, _name):
            setattr(_mod, _name, _deny_process)
try:
    import _posixsubprocess
    _posixsubprocess.fork_exec = _deny_process
except ImportError:
    pass
del _name, _mod


# asyncio's event loop wakes itself through a socket pair and waits in select(); both are
# refused here (no sockets, no select). With nothing to watch but timers, a selector that waits
# until the next timer or until another thread wakes it (call_soon_threadsafe: to_thread,
# run_in_executor) and a loop without the self-pipe are enough for asyncio.run, sleep, gather, tasks,
# queues and threads. Patched when the modules are first imported, so scripts that never use asyncio
# pay nothing.
def _patch_selectors(module):
    import threading

    class _TimerOnlySelector(module.BaseSelector):
        """A selector that watches no file descriptors: select() waits for the timeout or a wake-up."""

        def __init__(self):
            self._map = {}
            self._woken = threading.Event()

        def register(self, fileobj, events, data=None):
            raise PermissionError(1, "Operation not permitted: file descriptors cannot be watched in this sandbox")

        def unregister(self, fileobj):
            raise KeyError(fileobj)

        def select(self, timeout=None):
            if timeout is None or timeout > 0:
                self._woken.wait(timeout)
            self._woken.clear()
            return []

        def wake(self):
            self._woken.set()

        def get_map(self):
            return self._map

    module.DefaultSelector = _TimerOnlySelector


def _patch_selector_events(module):
    loop = module.BaseSelectorEventLoop
    loop._make_self_pipe = lambda self: None
    loop._close_self_pipe = lambda self: None

    def _write_to_self(self):
        wake = getattr(self._selector, "wake", None)
        if wake is not None:
            wake()

    loop._write_to_self = _write_to_self


# The execution's host bridge (HTTP through the egress gateway), set when an execution starts.
_corral = _ModuleType("_corral")
_corral.host = None
_sys.modules["_corral"] = _corral

# Guest-side modules whose source the host registers once per context (see PythonLanguage):
# requests (a requests-compatible client) and the http.client patch.
_SOURCES = {}


def _register_source(name, text):
    _SOURCES[name] = text


def _patch_http_client(module):
    namespace = {"__name__": "_corral_http_client"}
    exec(compile(_SOURCES["http_client"], "<corral http.client>", "exec"), namespace)
    namespace["install"](module)


_IMPORT_PATCHES = {"selectors": _patch_selectors, "asyncio.selector_events": _patch_selector_events,
                   "http.client": _patch_http_client}


# What GraalPy takes from C extensions that cannot load without native access comes from the host
# instead: install(module, backend) completes the module when it is imported (or at once, for the
# built-in modules GraalPy has already created). Registered once per context by the host.
def _register_native(name, install, backend):
    _add_import_patch(name, lambda module: install(module, backend))


def _add_import_patch(name, patch):
    if name in _sys.modules:
        patch(_sys.modules[name])
        return
    earlier = _IMPORT_PATCHES.get(name)
    _IMPORT_PATCHES[name] = patch if earlier is None else (lambda module: (earlier(module), patch(module)))


# Where GraalPy differs from CPython in ways a Python-level change closes (compat.py, from the host).
def _install_compat(factory):
    import time
    startup, patches = factory()
    startup(_sys, _os, time)
    for name, patch in patches.items():
        _add_import_patch(name, patch)


# Modules the host serves in place of C extensions (pyexpat, found before GraalPy's own) or as
# resources (the tzdata package): make_finder(backend) gives their import finder.
def _register_finder(make_finder, backend, first):
    if first:
        _sys.meta_path.insert(1, make_finder(backend))
    else:
        _sys.meta_path.append(make_finder(backend))


class _SourceLoader:
    def __init__(self, name):
        self._name = name

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(compile(_SOURCES[self._name], "<corral %s>" % self._name, "exec"), module.__dict__)
        if hasattr(module, "exceptions"):
            _sys.modules[module.__name__ + ".exceptions"] = module.exceptions


class _SourceModules:
    def find_spec(self, fullname, path=None, target=None):
        if fullname == "requests" and "requests" in _SOURCES:
            import importlib.machinery
            return importlib.machinery.ModuleSpec(fullname, _SourceLoader("requests"))
        return None


class _PatchingLoader:
    def __init__(self, loader, patch):
        self._loader = loader
        self._patch = patch

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        self._patch(module)

    def __getattr__(self, name):
        return getattr(self._loader, name)


class _PatchOnImport:
    def find_spec(self, fullname, path=None, target=None):
        patch = _IMPORT_PATCHES.get(fullname)
        if patch is None:
            return None
        for finder in _sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                spec.loader = _PatchingLoader(spec.loader, patch)
                return spec
        return None


_sys.meta_path.insert(0, _PatchOnImport())
_sys.meta_path.append(_SourceModules())


# GraalPy starts every thread with _thread.start_new_thread. The host takes that built-in over once
# per context, before any guest code runs (GuestThreads), and keeps it behind a count of the
# execution's live threads; what guest code finds in its place starts threads through the host and,
# past the limit, is refused the way CPython is when the OS refuses: RuntimeError("can't start new
# thread"). Nothing here keeps a reference to the built-in.
def _install_thread_gate(gate):
    import _thread
    if not gate.bind(_thread.start_new_thread):
        raise RuntimeError("the thread gate was already bound")

    def start_new_thread(function, args, kwargs=None):
        """Start a new thread running function(*args, **kwargs) and return its identifier."""
        if not callable(function):
            raise TypeError("first arg must be callable")
        if not isinstance(args, tuple):
            raise TypeError("2nd arg must be a tuple")
        if kwargs is not None and not isinstance(kwargs, dict):
            raise TypeError("optional 3rd arg must be a dictionary")
        kw = {} if kwargs is None else kwargs

        def run():
            try:
                function(*args, **kw)
            except SystemExit:
                pass  # as in CPython: SystemExit ends the thread silently
            except BaseException as e:
                _report_thread_error(function, e)
            finally:
                _threads_alive[0] -= 1

        _threads_alive[0] += 1
        ident = gate.start(run, ())
        if ident is None:
            _threads_alive[0] -= 1
            raise RuntimeError("can't start new thread: at most %d threads may run at once in this sandbox"
                               % gate.limit)
        return ident

    start_new_thread.__module__ = "_thread"
    _thread.start_new_thread = _thread.start_new = start_new_thread
    threading = _sys.modules.get("threading")
    if threading is not None:
        threading._start_new_thread = start_new_thread


# Guest threads started and not ended yet (for _quiescent): counted under GraalPy's GIL.
_threads_alive = [0]


def _report_thread_error(function, e):
    # CPython's thread_run: an exception that escapes a raw thread is "ignored", with a report
    try:
        import traceback
        _sys.stderr.write("Exception ignored in thread started by: %r\n" % (function,))
        _sys.stderr.write("".join(traceback.format_exception(type(e), e, e.__traceback__))
                          .replace(_sys.prefix, "/usr/local"))
        _sys.stderr.flush()
    except BaseException:
        pass


def _finish(path):
    # what CPython's interpreter does once __main__ has ended (Py_FinalizeEx): wait for the threads
    # that are not daemons, then run the atexit callbacks. Daemon threads end with the context.
    threading = _sys.modules.get("threading")
    if threading is not None:
        try:
            threading._shutdown()
        except BaseException as e:
            if not isinstance(e, SystemExit):
                _print_uncaught(e, path)
    atexit = _sys.modules.get("atexit")
    if atexit is not None:
        atexit._run_exitfuncs()


# os._exit ends the context at once (no finally, no flush), as in CPython; its status is noted on
# the host first, because GraalPy's hard exit can reach the host as a bare ThreadDeath that no
# longer carries it.
_real_os_exit = _os._exit


def _os_exit(status):
    if _corral.host is not None:
        _corral.host.recordExit(int(status) & 0xFF)
    _real_os_exit(status)


_os._exit = _os_exit
_posix._exit = _os_exit


def _prime_linecache(module):
    # the script's lines for linecache, as CPython reads them from the script's file: warnings print
    # the line they were raised on (GraalPy's _warnings asks linecache without the module's loader)
    if _current_code is not None:
        module.cache[_current_path] = (len(_current_code), None, _current_code.splitlines(True), _current_path)


_IMPORT_PATCHES["linecache"] = _prime_linecache
_current_path = None


class _ScriptLoader:
    """__main__'s loader: linecache (tracebacks, warnings, inspect.getsource) reads the script's source
    through it, as CPython reads it from the script's file."""

    def __init__(self, code):
        self._code = code

    def get_source(self, name):
        return self._code


def _bind(code, path, argv, env_names, env_values):
    global _current_code, _current_path
    _sys.argv = [path] + [str(a) for a in argv]
    _os.environ.clear()
    for i in range(len(env_names)):
        _os.environ[str(env_names[i])] = str(env_values[i])
    _current_code = code
    _current_path = path
    if "linecache" in _sys.modules:
        _prime_linecache(_sys.modules["linecache"])

    main = _ModuleType("__main__")
    main.__file__ = path
    main.__builtins__ = _builtins
    main.__loader__ = _ScriptLoader(code)
    _sys.modules["__main__"] = main
    return main


def _print_uncaught(e, path):
    import linecache, traceback
    # lets tracebacks show the offending source line, as CPython does for a file on disk
    linecache.cache[path] = (len(_current_code), None, _current_code.splitlines(True), path)
    tb = e.__traceback__
    # hide this prelude's own frames: the trace starts in the user's script, as in CPython
    while tb is not None and tb.tb_frame.f_code.co_filename != path:
        tb = tb.tb_next
    _flush()
    # frames in the standard library name the language home's host location (a cache folder under
    # the host user's home); show them where CPython keeps its library instead
    text = "".join(traceback.format_exception(type(e), e, tb))
    _sys.stderr.write(text.replace(_sys.prefix, "/usr/local"))
    _flush()


def _flush():
    try:
        _sys.stdout.flush()
        _sys.stderr.flush()
    except BaseException:
        pass


# except* compiles here, but GraalPy 25.0 cannot run it: a script that uses it is compiled from a
# rewritten syntax tree (except_star.py, set by the host).
_except_star = None
_compile_with_except_star = None


def _set_except_star(factory):
    global _except_star
    _except_star = factory


def _uses_except_star(code):
    at = code.find("except")
    while at >= 0:
        rest = code[at + 6:at + 40].lstrip(" \t")
        if rest.startswith("*"):
            return True
        at = code.find("except", at + 6)
    return False


def _compile_script(code, path, namespace):
    global _compile_with_except_star
    if _except_star is not None and _uses_except_star(code):
        if _compile_with_except_star is None:
            _compile_with_except_star = _except_star()
        compiled = _compile_with_except_star(code, path, namespace)
        if compiled is not None:
            return compiled
    return compile(code, path, "exec", dont_inherit=True)


def _run_script(bridge, code, path, argv, env_names, env_values):
    """Returns (exit status, how it ended): completed, exited, syntax_error or guest_error."""
    _corral.host = bridge
    main = _bind(code, path, argv, env_names, env_values)
    try:
        try:
            compiled = _compile_script(code, path, main.__dict__)
        except SyntaxError as e:
            _print_uncaught(e, path)
            return (1, "syntax_error")
        try:
            exec(compiled, main.__dict__)
            ended = (0, "completed")
        except SystemExit as e:
            ended = (_exit_status(e), "exited")
        except BaseException as e:
            _print_uncaught(e, path)
            ended = (1, "guest_error")
        # non-daemon threads are joined and atexit callbacks run, as CPython does at exit
        try:
            _finish(path)
        except SystemExit as e:
            ended = (_exit_status(e), "exited")
        except BaseException as e:
            _print_uncaught(e, path)
        return ended
    finally:
        _flush()


def _load_function(bridge, code, path, env_names, env_values):
    """Runs code that defines execute(input) and keeps execute for _invoke_function.

    Returns None when execute is callable, else ("error", None, exit_code, ended) with ended
    exited / syntax_error / guest_error (the message is on stderr).
    """
    global _loaded
    _corral.host = bridge
    _loaded = None
    main = _bind(code, path, [], env_names, env_values)
    try:
        compiled = _compile_script(code, path, main.__dict__)
    except SyntaxError as e:
        _print_uncaught(e, path)
        _flush()
        return ("error", None, 1, "syntax_error")
    try:
        exec(compiled, main.__dict__)
        fn = main.__dict__.get("execute")
        if fn is None:
            raise NameError("name 'execute' is not defined: the code must define a top-level "
                            "function execute(input)")
        if not callable(fn):
            raise TypeError("'execute' is a %s, not a function: define a top-level function execute(input)"
                            % type(fn).__name__)
    except SystemExit as e:
        return ("error", None, _exit_status(e) or 1, "exited")
    except BaseException as e:
        _print_uncaught(e, path)
        return ("error", None, 1, "guest_error")
    finally:
        _flush()
    _loaded = (main, fn, path)
    return None


# The loaded function: (__main__ module, execute, path). A warm instance keeps it between calls.
_loaded = None


def _invoke_function(bridge, env_names, env_values, input_json, again):
    """Calls the loaded execute once and serializes what it returned.

    again: a warm instance's later call, bound to a new execution: the host bridge, argv, the
    environment (set anew only when the last call changed it) and __main__ are that call's.
    Returns (status, output_json, exit_code, ended) with status valid / json_serialization_error /
    error and ended completed / exited / guest_error.
    """
    main, fn, path = _loaded
    if again:
        _corral.host = bridge
        _sys.argv = [path]
        _sys.modules["__main__"] = main
        env = {str(env_names[i]): str(env_values[i]) for i in range(len(env_names))}
        if dict(_os.environ) != env:
            _os.environ.clear()
            _os.environ.update(env)
    import json as _json, types as _types
    try:
        value = fn(None if input_json is None else _json.loads(input_json))
        if isinstance(value, _types.CoroutineType) or hasattr(type(value), "__await__"):
            import asyncio
            value = asyncio.run(_awaited(value))
    except SystemExit as e:
        return ("error", None, _exit_status(e) or 1, "exited")
    except BaseException as e:
        _print_uncaught(e, path)
        return ("error", None, 1, "guest_error")
    finally:
        _flush()
    try:
        # Python's own JSON rules; NaN and Infinity are not JSON
        return ("valid", _json.dumps(value, allow_nan=False), 0, "completed")
    except BaseException:
        return ("json_serialization_error", None, 0, "completed")
    finally:
        _flush()


def _quiescent():
    """Whether nothing the last call started still runs (a thread): then a warm instance may serve
    another call; a fresh context would have stopped such a thread with its close."""
    return _threads_alive[0] == 0


async def _awaited(awaitable):
    return await awaitable


def _rehearse():
    """Runs, once per context and before any execution is bound, what every execution runs:
    GraalPy sets much of it up lazily in each context (the environment's backend, the compiler,
    the first write through stdout and stderr, JSON for the function contract), and the first
    execution would pay for that. Leaves nothing an execution could see: the environment is
    replaced when an execution is bound, and the output goes nowhere (no stream is bound yet)."""
    import json, types
    argv = _sys.argv
    _os.environ["CORRAL_REHEARSAL"] = "1"
    _os.environ.clear()
    namespace = {"__name__": "__corral_rehearsal__", "__builtins__": _builtins}
    exec(_compile_script("print(1 + 1)\nprint(2, file=__import__('sys').stderr)\n", "<corral-rehearsal>",
                         namespace), namespace)
    json.dumps(json.loads('{"a": [1, 2.5, "x", null, true]}'), allow_nan=False)
    _flush()
    _sys.argv = argv


class _Entry:
    """What the host calls: run(bridge, code, path, argv, env_names, env_values),
    load(bridge, code, path, env_names, env_values), invoke(bridge, env_names, env_values,
    input_json, again), quiescent() (bridge: the execution's host bridge), and once per context
    source(name, text), threads(gate), native(module_name, install, backend),
    finder(make_finder, backend, first), except_star(factory) and compat(factory)."""
    run = staticmethod(_run_script)
    load = staticmethod(_load_function)
    invoke = staticmethod(_invoke_function)
    quiescent = staticmethod(_quiescent)
    source = staticmethod(_register_source)
    threads = staticmethod(_install_thread_gate)
    native = staticmethod(_register_native)
    finder = staticmethod(_register_finder)
    except_star = staticmethod(_set_except_star)
    compat = staticmethod(_install_compat)
    rehearse = staticmethod(_rehearse)


# the value of this source: the functions the host calls to run an execution
_Entry
