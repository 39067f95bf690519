"""找民警 (/find/): lookup keys in characters and pinyin, the ranked index, its shards and find.js."""
