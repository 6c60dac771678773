"""Training the shipped models: the only place that imports scikit-learn's estimators and skops.

- :mod:`.attribution`: the quote filter and speaker ranker (``quotes train attribution``).
- :mod:`.tone`: the tone classifier (``quotes train tone``), with :mod:`.tone_features`.
- :mod:`.model_files`: skops files and model cards.

Nothing is imported here, so that ``import quotes.training`` stays cheap.
"""
