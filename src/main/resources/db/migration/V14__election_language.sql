-- The language an election's public pages speak when the reader's browser asks for none
-- that Tally has (a language tag such as 'en' or 'es'; the pages resolve it against the
-- languages configured in tally.languages).
alter table election
    add column language text not null default 'en'
        check (language ~ '^[a-z]{2,3}(-[A-Z][a-z]{3})?$');
