<?php
exit(124);
