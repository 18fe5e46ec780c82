<?php
function execute($input) {
    $h = curl_init($input['url']);
    curl_setopt($h, CURLOPT_RETURNTRANSFER, true);
    $body = curl_exec($h);
    return ['status' => curl_getinfo($h, CURLINFO_HTTP_CODE), 'body' => $body];
}
