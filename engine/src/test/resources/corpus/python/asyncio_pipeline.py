# An async fetch-and-process pipeline: queues, semaphores, gather, timeouts, task groups, threads.
import asyncio
import time


async def fetch(item, delay, sem, log):
    async with sem:
        log.append(f"start {item}")
        await asyncio.sleep(delay)
        if item == "bad":
            raise ValueError(f"cannot fetch {item}")
        log.append(f"done {item}")
        return item.upper()


async def producer(queue, items):
    for it in items:
        await queue.put(it)
    await queue.put(None)


async def consumer(queue, results):
    while (item := await queue.get()) is not None:
        results.append(item * 2)
        queue.task_done()
    queue.task_done()


def blocking_work(n):
    time.sleep(0.01)
    return sum(range(n))


async def main():
    sem = asyncio.Semaphore(2)
    log = []
    results = await asyncio.gather(*(fetch(x, d, sem, log) for x, d in [("a", 0.03), ("b", 0.01), ("bad", 0.02)]),
                                   return_exceptions=True)
    print([r if isinstance(r, str) else repr(r) for r in results], sorted(log))

    queue = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(queue, [1, 2, 3, 4]), consumer(queue, out))
    print(out)

    try:
        await asyncio.wait_for(asyncio.sleep(5), timeout=0.05)
    except asyncio.TimeoutError:
        print("timed out")

    async with asyncio.timeout(1):
        await asyncio.sleep(0.01)
    print("within timeout")

    try:
        async with asyncio.TaskGroup() as tg:
            ok = tg.create_task(fetch("x", 0.01, sem, []))
            tg.create_task(fetch("bad", 0.02, sem, []))
    except* ValueError as eg:
        print("task group:", [str(e) for e in eg.exceptions], ok.result())

    tasks = [asyncio.create_task(asyncio.sleep(d, result=d)) for d in (0.3, 0.1, 0.2)]
    done_order = [await t for t in asyncio.as_completed(tasks)]
    print(done_order)

    print(await asyncio.to_thread(blocking_work, 1000))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking_work, 10))

    event = asyncio.Event()

    async def waiter():
        await event.wait()
        return "event seen"

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    event.set()
    print(await w)

    cancelled = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    cancelled.cancel()
    try:
        await cancelled
    except asyncio.CancelledError:
        print("cancelled", cancelled.cancelled())

    async def agen(n):
        for i in range(n):
            await asyncio.sleep(0)
            yield i * i

    print([x async for x in agen(5)])
    return "main done"


print(asyncio.run(main()))
