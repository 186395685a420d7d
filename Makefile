.PHONY: serve test superuser bench lint

serve:  ## Set up, load the corpus, index it and serve at http://127.0.0.1:8000
	./scripts/serve

test:  ## Set up and run the whole test suite
	./scripts/test

superuser:  ## Create a curator account for the admin
	.venv/bin/python manage.py createsuperuser

lint:
	.venv/bin/python -m ruff check . && .venv/bin/python -m ruff format --check .
