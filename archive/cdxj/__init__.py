"""The cdxj layer: CDXJ indexes of WARC files — build, parse, merge — and seeding the digest store from one."""
