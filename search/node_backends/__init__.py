"""Wagtail's Elasticsearch/OpenSearch backends, made safe for a node that hangs or is down.

`search.backend_settings.search_backends()` names these modules (`search.node_backends.opensearch2`,
…) instead of Wagtail's. Each backend differs from Wagtail's in three ways:

- Two clients. Searches use `TIMEOUT` (ELASTICSEARCH_TIMEOUT, about a second, no retries:
  a reader waits for it); index writes (the queue worker, rebuilds) use `INDEX_TIMEOUT`,
  long enough for bulk requests. No reader request writes to the node (search/indexing.py).
- Search results obey the breaker (search/node.py): while it is open the node is not asked,
  and a failure opens it.
- A slice of up to `SINGLE_REQUEST_HITS` hits is one search request, without a total,
  reading the hits' ids from doc values.
  Wagtail pages through more than 100 hits with the scroll API: a search, a scroll and a
  clear, and a scroll context the node keeps for each reader's search.
- When the node is not asked or fails, results come from the database backend named by
  `FALLBACK` ("fallback", kept up to date synchronously), so callers that do not handle
  errors (the admin's page, image and document search, the API's `?search=`) answer from the
  database instead of failing. `answered_by_fallback` tells callers that care (the search
  page, which shows a notice) which one answered.
"""

import logging
from functools import cached_property
from urllib.parse import urlparse

from django.conf import settings

from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearchbase import Field

from .. import node
from ..backend_settings import LATIN_ANALYZER
from ..query import Transliterated

logger = logging.getLogger(__name__)


class FallbackResultsMixin:
    answered_by_fallback = False

    def _do_search(self):
        return self._guarded(lambda: list(super(FallbackResultsMixin, self)._do_search()), list)

    def _do_count(self):
        return self._guarded(super()._do_count, lambda results: results.count())

    def facet(self, field_name):
        return self._guarded(
            lambda: super(FallbackResultsMixin, self).facet(field_name),
            lambda results: results.facet(field_name),
        )

    def _guarded(self, ask_node, ask_fallback):
        if node.available():
            try:
                return ask_node()
            except Exception as error:
                if not node.record_failure(error):
                    raise  # the node refused this query: not an outage, not for the fallback
                logger.warning(
                    "Search node failed (%s); answering from the database", type(error).__name__
                )
        fallback = self._fallback_results()
        if fallback is None:
            raise node.NodeUnavailable("the search node is unavailable and no fallback is set")
        self.answered_by_fallback = True
        return ask_fallback(fallback)

    def _fallback_results(self):
        """The same query on the database backend, with the same slice."""
        name = self.backend.fallback_name
        if not name or name not in settings.WAGTAILSEARCH_BACKENDS:
            return None
        database = get_search_backend(name)
        compiler = self.query_compiler
        autocomplete = isinstance(compiler, self.backend.autocomplete_query_compiler_class)
        method = database.autocomplete if autocomplete else database.search
        results = method(
            compiler.query,
            compiler.queryset,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )
        if self._score_field:
            results = results.annotate_score(self._score_field)
        return results[self.start : self.stop]


# OpenSearch's and Elasticsearch's default `index.max_result_window`.
SINGLE_REQUEST_HITS = 10_000


class SingleRequestResultsMixin:
    def _do_search(self):
        if self.stop is None or self.stop - self.start > SINGLE_REQUEST_HITS:
            return super()._do_search()
        params = {
            "index": self.backend.get_index_for_model(self.query_compiler.queryset.model).name,
            "_source": False,
            # The page ids from doc values (a column), not stored fields: a stored field is
            # read by decompressing the block that holds the document's whole source, which
            # for 200 hits took the node 10 of its 14 ms.
            self.fields_param_name: "_none_",
            "docvalue_fields": ["pk"],
            "from_": self.start,
            "size": self.stop - self.start,
            # Nobody reads the total (the hits are counted): the node may skip documents
            # that cannot make the first `size` instead of scoring every match.
            "track_total_hits": False,
        }
        hits = self._backend_do_search(self._get_es_body(), **params)["hits"]["hits"]
        return self._get_results_from_hits(hits)


class IndexClientMixin:
    def __init__(self, backend, name):
        super().__init__(backend, name)
        self.es = backend.index_es

    def exists(self):
        # modelsearch 1.3.2 passes the name positionally, which the elasticsearch 8 and 9
        # clients refuse (TypeError): every queued update failed on Elasticsearch.
        return bool(self.es.indices.exists(index=self.name))


class LatinSubfieldMappingMixin:
    """`_all_text` (and its boosted copies) also analysed into Latin skeletons, for the
    languages whose index settings define the "latin" analyzer (search/backend_settings.py)."""

    def get_mapping(self):
        mapping = super().get_mapping()
        for name, field in mapping["properties"].items():
            if name.startswith("_all_text"):
                field["fields"] = {"latin": {"type": "text", "analyzer": LATIN_ANALYZER}}
        return mapping


class TransliteratedQueryMixin:
    """A Transliterated query (a Latin word on a Cyrillic language) is matched against the
    Latin subfields; an index without them simply finds nothing for it."""

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        if isinstance(query, Transliterated):
            fields = [Field(f"{f.field_name}.latin", f.boost) for f in fields]
        return super()._compile_plaintext_query(query, fields, boost)


class NodeBackendMixin:
    def __init__(self, params):
        params = dict(params)
        self.fallback_name = params.pop("FALLBACK", None)
        self.index_timeout = params.pop("INDEX_TIMEOUT", None)
        # Wagtail's constructor adds to OPTIONS in place: keep the settings' dict untouched.
        self._client_options = dict(params.get("OPTIONS", {}))
        params["OPTIONS"] = dict(self._client_options)
        urls = params.get("URLS", ["http://localhost:9200"])
        urls = [urls] if isinstance(urls, str) else list(urls)
        # What Wagtail's constructor adds for URLS (e.g. Elasticsearch 8's basic_auth).
        self._url_options = (
            {}
            if params.get("HOSTS")
            else self._get_options_from_host_urls([urlparse(url) for url in urls])
        )
        super().__init__(params)
        analyzers = self.settings.get("settings", {}).get("analysis", {}).get("analyzer", {})
        if LATIN_ANALYZER in analyzers:
            # This backend's indexes (and only its) get the Latin subfields.
            self.mapping_class = type(
                self.mapping_class.__name__, (LatinSubfieldMappingMixin, self.mapping_class), {}
            )

    @cached_property
    def index_es(self):
        """The client for index writes: same node, longer timeout."""
        if not self.index_timeout:
            return self.es
        options = {**self._client_options, **self._url_options}
        options[self.timeout_kwarg_name] = self.index_timeout
        return self.client_class(hosts=self.hosts, **options)


def resilient(base):
    """A subclass of Wagtail's backend class `base` with the behaviour described above."""
    results_class = type(
        base.results_class.__name__,
        (FallbackResultsMixin, SingleRequestResultsMixin, base.results_class),
        {},
    )
    index_class = type(base.index_class.__name__, (IndexClientMixin, base.index_class), {})
    compiler_class = type(
        base.query_compiler_class.__name__,
        (TransliteratedQueryMixin, base.query_compiler_class),
        {},
    )
    return type(
        base.__name__,
        (NodeBackendMixin, base),
        {
            "results_class": results_class,
            "index_class": index_class,
            "query_compiler_class": compiler_class,
            "__module__": __name__,
        },
    )
