package dev.kat.core.model;

import java.util.List;

/**
 * Identifiers of the seven stakeholder types of the KAT Reward &amp; Privilege Framework. A policy
 * declares which roles it recognises, their weights and whether they are members or external.
 */
public final class Roles {
  private Roles() {}

  /** A DAO member: joins syncs, votes. */
  public static final String DAO_MEMBER = "dao_member";
  /** A community collaborator (external). */
  public static final String COMMUNITY_COLLABORATOR = "community_collaborator";
  /** A partner organisation or its representative (external). */
  public static final String PARTNER = "partner";
  /** An ambassador (external). */
  public static final String AMBASSADOR = "ambassador";
  /** A volunteer (external). */
  public static final String VOLUNTEER = "volunteer";
  /** A user or customer of the DAO's services (external). */
  public static final String USER_CUSTOMER = "user_customer";
  /** A KAT holder (external). */
  public static final String KAT_HOLDER = "kat_holder";

  /** All seven, in the order the seeds list them. */
  public static final List<String> ALL =
      List.of(DAO_MEMBER, COMMUNITY_COLLABORATOR, PARTNER, AMBASSADOR, VOLUNTEER, USER_CUSTOMER, KAT_HOLDER);
}
