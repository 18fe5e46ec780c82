<?php
// Output buffers: capture, nest, transform and discard output.
ob_start();
echo "captured ";
print_r(['a' => 1]);
$captured = ob_get_clean();
echo strtoupper(str_replace("\n", ' ', $captured)), "\n";
ob_start(fn($buffer) => str_replace('cat', 'dog', $buffer));
echo "the cat sat\n";
ob_start();
echo "inner cat ";
echo ob_get_level(), "\n";
ob_end_flush();
ob_end_flush();
ob_start();
echo "discarded";
ob_end_clean();
echo ob_get_level(), " ", var_export(ob_get_contents(), true), "\n";
function render(string $tpl, array $vars): string
{
    extract($vars);
    ob_start();
    eval('?>' . $tpl);
    return ob_get_clean();
}
echo render("<li><?= htmlspecialchars(\$name) ?> (<?= \$n ?>)</li>\n", ['name' => 'A&B', 'n' => 2]);
$s = sprintf('%s', implode(',', [1, 2]));
echo $s, "\n";
