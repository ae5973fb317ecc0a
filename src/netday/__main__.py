from netday.cli.main import main

raise SystemExit(main())
