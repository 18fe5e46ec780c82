import asyncio


async def execute(input):
    await asyncio.sleep(0)
    return {"doubled": input * 2}
