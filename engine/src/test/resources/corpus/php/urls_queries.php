<?php
// Building and taking apart URLs and query strings.
$url = 'https://user:pa%20ss@api.example.com:8443/v1/search/caf%C3%A9?q=red+shoes&tags[]=a&tags[]=b&empty=#frag';
print_r(parse_url($url));
echo parse_url($url, PHP_URL_HOST), " ", parse_url($url, PHP_URL_PORT), " ", var_export(parse_url('//example.com/x', PHP_URL_SCHEME), true), "\n";
parse_str(parse_url($url, PHP_URL_QUERY), $q);
echo json_encode($q), "\n";
echo http_build_query(['q' => 'café & co', 'page' => 2, 'filter' => ['min' => 1, 'max' => null, 'on' => true], 'list' => [1, 2]]), "\n";
echo http_build_query(['a b' => 'c d'], '', '&amp;', PHP_QUERY_RFC3986), "\n";
echo urlencode('a b+c/é~*'), " ", rawurlencode('a b+c/é~*'), " ", urldecode('a%20b+c'), " ", rawurldecode('a%20b+c'), "\n";
var_dump(filter_var('https://example.com/path?x=1', FILTER_VALIDATE_URL), filter_var('not a url', FILTER_VALIDATE_URL));
var_dump(filter_var('alice@example.com', FILTER_VALIDATE_EMAIL), filter_var('bob@', FILTER_VALIDATE_EMAIL));
var_dump(filter_var('10.0.0.256', FILTER_VALIDATE_IP), filter_var('::1', FILTER_VALIDATE_IP, FILTER_FLAG_IPV6));
var_dump(filter_var('42', FILTER_VALIDATE_INT, ['options' => ['min_range' => 1, 'max_range' => 40]]), filter_var('yes', FILTER_VALIDATE_BOOLEAN));
function build(string $base, array $params): string
{
    $parts = parse_url($base);
    parse_str($parts['query'] ?? '', $existing);
    $query = http_build_query(array_merge($existing, $params));
    return $parts['scheme'] . '://' . $parts['host'] . ($parts['path'] ?? '/') . ($query !== '' ? "?$query" : '');
}
echo build('https://example.com/items?page=1&sort=asc', ['page' => 3, 'q' => 'x y']), "\n";
echo build('http://example.com', []), "\n";
echo implode(' ', array_map('rawurlencode', explode('/', 'a b/c&d/é'))), "\n";
echo base64_encode(parse_url('data:text/plain,hi', PHP_URL_PATH)), " ", json_encode(parse_url('mailto:a@b.c')), "\n";
echo htmlspecialchars(http_build_query(['x' => '<tag>'])), " ", strip_tags('<p>Hello <b>world</b></p>'), "\n";
