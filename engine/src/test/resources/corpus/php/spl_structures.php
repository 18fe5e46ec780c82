<?php
// SPL data structures for queues, stacks, sets and priorities.
$stack = new SplStack();
foreach (['a', 'b', 'c'] as $x) {
    $stack->push($x);
}
echo $stack->pop(), $stack->top(), count($stack), "\n";
$queue = new SplQueue();
$queue->enqueue('first');
$queue->enqueue('second');
echo $queue->dequeue(), " ", count($queue), "\n";
$heap = new SplMinHeap();
foreach ([5, 1, 8, 3] as $x) {
    $heap->insert($x);
}
echo implode(',', iterator_to_array($heap, false)), "\n";
$pq = new SplPriorityQueue();
$pq->setExtractFlags(SplPriorityQueue::EXTR_BOTH);
foreach (['low' => 1, 'high' => 10, 'mid' => 5] as $task => $prio) {
    $pq->insert($task, $prio);
}
while (!$pq->isEmpty()) {
    $e = $pq->extract();
    echo $e['data'], ':', $e['priority'], ' ';
}
echo "\n";
$set = new SplObjectStorage();
$a = new stdClass();
$b = new stdClass();
$set[$a] = 'data for a';
$set->attach($b);
$set->attach($a);
echo count($set), " ", $set[$a], " ", var_export($set->contains($b), true), "\n";
$fixed = new SplFixedArray(4);
$fixed[0] = 'x';
echo $fixed->getSize(), " ", json_encode($fixed->toArray()), "\n";
$ao = new ArrayObject(['b' => 2, 'a' => 1, 'c' => 3]);
$ao->ksort();
echo json_encode($ao->getArrayCopy()), " ", count($ao), " ", isset($ao['a']) ? 'has a' : '', "\n";
$list = new SplDoublyLinkedList();
$list->push(1);
$list->push(2);
$list->unshift(0);
$list->setIteratorMode(SplDoublyLinkedList::IT_MODE_LIFO);
echo implode(',', iterator_to_array($list)), "\n";
$it = new ArrayIterator(['x' => 1, 'y' => 2, 'z' => 3]);
$mapped = new class($it) extends IteratorIterator {
    public function current(): mixed
    {
        return parent::current() * 100;
    }
};
echo json_encode(iterator_to_array($mapped)), "\n";
try {
    (new SplStack())->pop();
} catch (RuntimeException $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
$cache = new WeakMap();
$key = new stdClass();
$cache[$key] = 'cached';
echo count($cache), " ";
unset($key);
echo count($cache), "\n";
