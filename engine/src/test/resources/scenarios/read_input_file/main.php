<?php
echo file_get_contents('/mnt/req/d/x.txt'), "\n";
echo @file_put_contents('/mnt/req/d/x.txt', 'changed') === false ? "read-only: EACCES\n" : "wrote\n";
echo @file_get_contents('/etc/passwd') === false ? "no host file: ENOENT\n" : "host file read\n";
