package io.phasewatch.streams.topology;

/**
 * The name of every operator, state store and internal topic of the topology, so that
 * {@code describe()}, the state directory, the internal topics and the metrics read as the data
 * flow of DESIGN.md, and a change of the topology cannot silently rename a store.
 * {@code ensure.explicit.internal.resource.naming} makes Kafka Streams refuse an unnamed one.
 */
public final class Names {
  private Names() {}

  // scores: source, validation
  public static final String SCORES_SOURCE = "scores-source";
  public static final String SCORES_VALIDATE = "scores-validate";
  /** The split after validation; branches {@code scores-route-valid}, {@code -invalid}. */
  public static final String SCORES_ROUTE = "scores-route-";
  public static final String BRANCH_VALID = "valid";
  public static final String BRANCH_INVALID = "invalid";
  public static final String SCORES_UNWRAP = "scores-unwrap";
  public static final String SCORES_REJECT = "scores-reject";
  public static final String SCORES_REJECTED_SINK = "scores-rejected-sink";

  // models: source, validation
  public static final String MODELS_SOURCE = "models-source";
  public static final String MODELS_VALIDATE = "models-validate";
  public static final String MODELS_ROUTE = "models-route-";
  public static final String MODELS_UNWRAP = "models-unwrap";
  public static final String MODELS_REJECT = "models-reject";
  public static final String MODELS_REJECTED_SINK = "models-rejected-sink";

  // per model: every current score and feed record, one entry each, and the resolved profile
  public static final String SCORES_KEY_BY_MODEL = "scores-key-by-model";
  public static final String MODELS_KEY_BY_MODEL = "models-key-by-model";
  public static final String INPUTS_MERGE = "model-inputs-merge";
  public static final String INPUTS_BY_MODEL = "model-inputs-by-model";
  public static final String PROFILE_RESOLVE = "model-profile-resolve";
  /** One entry per model and score key ({@code MemberEntries}). */
  public static final String MODEL_SCORES_STORE = "model-score-entries-store";
  /** One entry per model and model-record key, i.e. per feed. */
  public static final String MODEL_RECORDS_STORE = "model-record-entries-store";
  /** The models whose profile may have changed since it was last forwarded. */
  public static final String MODEL_CHANGED_STORE = "model-changed-store";

  // families
  public static final String FAMILY_MEMBERSHIP = "family-membership";
  public static final String FAMILY_MEMBERSHIP_STORE = "family-membership-store";
  public static final String PROFILES_BY_FAMILY = "profiles-by-family";
  /** One entry per family and base model ({@code MemberEntries}). */
  public static final String FAMILY_MEMBERS_STORE = "family-members-store";
  /** Families changed since their last diagnosis ({@code FamilyDiagnose}). */
  public static final String FAMILY_CHANGED_STORE = "family-changed-store";
  public static final String FAMILY_DIAGNOSE = "family-diagnose";
  public static final String FAMILY_DIAGNOSIS_STORE = "family-diagnosis-store";
  public static final String FAMILY_NC_STORE = "family-nc-store";
  public static final String FAMILY_PENDING_STORE = "family-pending-store";
  public static final String FAMILY_DIAGNOSIS_OUT = "family-diagnosis-out";
  public static final String FAMILY_DIAGNOSIS_SINK = "family-diagnosis-sink";

  // pooled panels
  public static final String PANEL_MEMBERSHIP = "panel-membership";
  public static final String PANEL_MEMBERSHIP_STORE = "panel-membership-store";
  public static final String PANEL_MEMBERS_REPARTITION = "panel-members";
  public static final String PANEL_DIAGNOSE = "panel-diagnose";
  public static final String PANEL_MEMBERS_STORE = "panel-members-store";
  public static final String PANEL_DIRTY_STORE = "panel-dirty-store";
  public static final String PANEL_DIAGNOSIS_STORE = "panel-diagnosis-store";
  public static final String PANEL_DIAGNOSIS_OUT = "panel-diagnosis-out";
  public static final String PANEL_DIAGNOSIS_SINK = "panel-diagnosis-sink";
  public static final String PANEL_REFERENCE_SOURCE = "panel-reference-source";
  public static final String PANEL_REFERENCE_UPDATE = "panel-reference-update";
  public static final String PANEL_REFERENCE_STORE = "panel-reference-store";

  // frontier cohorts
  public static final String COHORT_MEMBERSHIP = "cohort-membership";
  public static final String COHORT_MEMBERSHIP_STORE = "cohort-membership-store";
  public static final String COHORT_MEMBERS_REPARTITION = "cohort-members";
  public static final String FRONTIER_DIAGNOSE = "frontier-diagnose";
  public static final String COHORT_MEMBERS_STORE = "cohort-members-store";
  public static final String COHORT_DIRTY_STORE = "cohort-dirty-store";
  public static final String FRONTIER_DIAGNOSIS_STORE = "frontier-diagnosis-store";
  public static final String FRONTIER_DIAGNOSIS_OUT = "frontier-diagnosis-out";
  public static final String FRONTIER_DIAGNOSIS_SINK = "frontier-diagnosis-sink";

  // the phase-change detector
  public static final String FAMILY_DETECTOR = "family-detector";
  public static final String FAMILY_ANNOUNCED_STORE = "family-announced-store";
  public static final String PANEL_DETECTOR = "panel-detector";
  public static final String PANEL_ANNOUNCED_STORE = "panel-announced-store";
  public static final String FRONTIER_DETECTOR = "frontier-detector";
  public static final String FRONTIER_ANNOUNCED_STORE = "frontier-announced-store";
  public static final String ALERTS_MERGE_PANEL = "alerts-merge-panel";
  public static final String ALERTS_MERGE_FRONTIER = "alerts-merge-frontier";
  public static final String ALERTS_SINK = "alerts-sink";
  public static final String ALERTS_LOG = "alerts-log";
  public static final String ALERTS_LOG_STORE = "alerts-log-store";
}
