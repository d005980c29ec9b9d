/**
 * KAT testkit: jqwik arbitraries for contributions, reviews, policies and populations, scenario builders
 * for the agent strategies, a reusable property suite for policies and assertion helpers.
 */
module dev.kat.testkit {
  requires transitive dev.kat.core;
  requires transitive net.jqwik.api;

  exports dev.kat.testkit;

  provides net.jqwik.api.providers.ArbitraryProvider with dev.kat.testkit.KatArbitraryProvider;
}
