package dev.kat.testkit;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Review;
import dev.kat.core.policy.Policy;
import dev.kat.core.sim.Population;
import java.util.Collections;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;

/**
 * Lets jqwik fill {@code @ForAll} parameters of type {@link Contribution}, {@link Review}, {@link Policy},
 * {@link Population} and {@link Scenario} with the defaults of {@link KatArbitraries}. Registered as a
 * service (module {@code provides} and {@code META-INF/services}); nothing to configure.
 */
public final class KatArbitraryProvider implements ArbitraryProvider {

  /** A provider; jqwik creates it through the service loader. */
  public KatArbitraryProvider() {}

  @Override
  public boolean canProvideFor(TypeUsage targetType) {
    return targetType.isOfType(Contribution.class) || targetType.isOfType(Review.class)
        || targetType.isOfType(Policy.class) || targetType.isOfType(Population.class)
        || targetType.isOfType(Scenario.class);
  }

  @Override
  public Set<Arbitrary<?>> provideFor(TypeUsage targetType, SubtypeProvider subtypeProvider) {
    if (targetType.isOfType(Contribution.class)) {
      return Collections.singleton(KatArbitraries.contributions());
    }
    if (targetType.isOfType(Review.class)) {
      return Collections.singleton(KatArbitraries.reviews());
    }
    if (targetType.isOfType(Policy.class)) {
      return Collections.singleton(KatArbitraries.policies());
    }
    if (targetType.isOfType(Population.class)) {
      return Collections.singleton(KatArbitraries.populations());
    }
    if (targetType.isOfType(Scenario.class)) {
      return Collections.singleton(KatArbitraries.scenarios());
    }
    return Collections.emptySet();
  }
}
