from netday.cli.main import entry

entry()
