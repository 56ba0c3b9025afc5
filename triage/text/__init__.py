"""Text preprocessing: normalisation, placeholders, personal-data detection."""
