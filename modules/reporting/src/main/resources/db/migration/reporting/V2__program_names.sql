-- Funding programs are shown by their name (sponsorship's FundingPrograms), no longer only by their kind.
ALTER TABLE reporting.program ADD COLUMN name TEXT;
