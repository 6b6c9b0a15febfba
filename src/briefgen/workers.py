"""Worker processes that fail well: each runs one task at a time, so the parent always knows
which task a dead or stuck worker held, and that task alone is lost.

`run_tasks` hands tasks to workers and yields each one's outcome as it comes:
- a result;
- DIED, when the worker process ended without answering (the out-of-memory killer, a crash in
  a C library): the worker is replaced and the other tasks go on;
- TIMED_OUT, when a task ran past the time limit: its worker is killed and replaced.

The parent alone acts on Ctrl-C (workers ignore it): on KeyboardInterrupt, or any other way
out, every worker is killed at once, not waited for. No worker outlives the parent: on Linux
the kernel kills it when the parent dies (PR_SET_PDEATHSIG), and everywhere a watcher thread
in the worker exits once its parent is gone.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

DIED = "died"
TIMED_OUT = "timed out"
# How often a worker checks that its parent is alive, and the parent its workers (seconds).
_WATCH_INTERVAL = 0.25
_PR_SET_PDEATHSIG = 1


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process of the chosen context
    connection: Connection
    task: int | None = None
    started: float = 0.0


def _context() -> Any:
    # fork where it is safe and cheap (Linux): a worker starts in milliseconds with briefgen
    # already imported. Elsewhere the platform's default (spawn), for which everything passed is picklable.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def run_tasks(
    tasks: Sequence[tuple[Any, ...]],
    work: Callable[..., Any],
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    workers: int,
    time_limit: float,
) -> Generator[tuple[int, str | None, Any], None, None]:
    """(task index, None, result), (index, DIED, None) or (index, TIMED_OUT, None) per task,
    in the order they finish. `work(*task)` runs in a worker set up by `initializer(*initargs)`.
    When no worker can be started at all, the tasks not yet done come back as DIED."""
    pool = _Pool(work, initializer, initargs)
    queue = deque(range(len(tasks)))
    resent: set[int] = set()
    try:
        for _ in range(max(1, min(workers, len(tasks)))):
            pool.start()
        while queue or pool.busy():
            if not pool.workers:  # none could be started: the caller deals with what is left
                while queue:
                    yield queue.popleft(), DIED, None
                return
            for worker in pool.idle():
                if not queue:
                    break
                index = queue.popleft()
                if pool.assign(worker, index, tasks[index]):
                    continue
                if index in resent:  # two workers in a row could not even take it
                    yield index, DIED, None
                else:  # that worker had died idle (after its last answer): the task goes to its successor
                    resent.add(index)
                    queue.appendleft(index)
            yield from pool.collect(time_limit)
    finally:
        pool.stop()


class _Pool:
    def __init__(self, work: Callable[..., Any], initializer: Callable[..., None], initargs: tuple[Any, ...]):
        self.work, self.initializer, self.initargs = work, initializer, initargs
        self.workers: list[_Worker] = []
        self.context = _context()

    def start(self) -> None:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(
            target=_worker_main, args=(child_end, os.getpid(), self.work, self.initializer, self.initargs), daemon=True)
        try:
            # Ctrl-C held back while the worker starts: it must not reach the worker before the
            # worker ignores it (a traceback from the child), and it reaches the parent just after.
            with _ctrl_c_deferred(), _frozen_heap():
                process.start()
        except OSError:  # no more processes or memory: carry on with the workers there are
            parent_end.close()
            return
        finally:
            child_end.close()
        self.workers.append(_Worker(process, parent_end))

    def idle(self) -> list[_Worker]:
        return [worker for worker in self.workers if worker.task is None]

    def busy(self) -> list[_Worker]:
        return [worker for worker in self.workers if worker.task is not None]

    def assign(self, worker: _Worker, index: int, task: tuple[Any, ...]) -> bool:
        try:
            worker.connection.send((index, task))
        except (OSError, ValueError):  # the worker is gone (or the task cannot be sent)
            self._replace(worker)
            return False
        worker.task, worker.started = index, time.monotonic()
        return True

    def collect(self, time_limit: float) -> Iterator[tuple[int, str | None, Any]]:
        """Waits (a little) for workers to answer, die or run out of time; their outcomes."""
        busy = self.busy()
        now = time.monotonic()
        next_deadline = min(worker.started + time_limit for worker in busy) - now
        waitables = [w.connection for w in busy] + [w.process.sentinel for w in busy]
        ready = set(wait(waitables, timeout=max(0.0, min(next_deadline, _WATCH_INTERVAL))))
        for worker in busy:
            index = worker.task
            assert index is not None
            if worker.connection in ready or worker.process.sentinel in ready:
                outcome = self._answer(worker)
                if outcome is None:
                    self._replace(worker)
                    yield index, DIED, None
                else:
                    worker.task = None
                    yield index, None, outcome[0]
            elif time.monotonic() - worker.started > time_limit:
                self._replace(worker)
                yield index, TIMED_OUT, None

    def _answer(self, worker: _Worker) -> tuple[Any] | None:
        try:
            if worker.connection.poll():
                index, result = worker.connection.recv()
                if index == worker.task:
                    return (result,)
        except (EOFError, OSError):
            pass
        return None

    def _replace(self, worker: _Worker) -> None:
        _kill(worker)
        self.workers.remove(worker)
        self.start()

    def stop(self) -> None:
        """Every worker ends now: idle ones are told to, busy ones (on Ctrl-C) are killed."""
        for worker in self.workers:
            if worker.task is None:
                with contextlib.suppress(OSError, ValueError):
                    worker.connection.send(None)
            else:
                _kill(worker)
        deadline = time.monotonic() + 1.0
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                _kill(worker)
            worker.connection.close()
        self.workers.clear()


def _kill(worker: _Worker) -> None:
    with contextlib.suppress(OSError, ValueError):
        worker.process.kill()
        worker.process.join(1.0)


@contextlib.contextmanager
def _frozen_heap() -> Iterator[None]:
    # A forked worker shares the parent's memory until it writes to it, and the garbage collector
    # writes to every object it examines: frozen objects it leaves alone (in the worker they stay
    # frozen), so a worker neither copies the parent's heap nor spends the time doing so.
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def _ctrl_c_deferred() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _worker_main(connection: Connection, parent: int, work: Callable[..., Any], initializer: Callable[..., None],
                 initargs: tuple[Any, ...]) -> None:
    # Ctrl-C reaches every process of the terminal; only the parent should act on it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with_parent(parent)
    try:
        initializer(*initargs)
        while True:
            try:
                message = connection.recv()
            except (EOFError, OSError):
                return
            if message is None:
                return
            index, task = message
            connection.send((index, work(*task)))
    except BaseException:  # the parent reports the task as lost; no traceback from here
        os._exit(1)


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_WATCH_INTERVAL)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
