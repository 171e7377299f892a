"""The replay layer: a set of WARC files read in a fixed order with every revisit resolved (by digest store, CDXJ index or scan), and URL lookup over them."""
