"""The full-screen Textual app: screens, widgets and styles; talks only to services."""
