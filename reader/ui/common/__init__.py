"""What every surface of the window uses: translations, plain-text labels, themes, settings."""
