"""Scrapy commands of the zhengwen project (COMMANDS_MODULE)."""
