package io.phasewatch.streams.topology;

import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.streams.state.MemberUpdate;
import io.phasewatch.streams.state.Memberships;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Fans a model's profile out to every group (pooled panel, frontier cohort) it belongs to, keyed
 * by the group: a join or update for each group it is in now, a leave for each group it was in
 * before (kept in {@code storeName}) but is not any more: its profile changed, or it was
 * retracted (a null profile). A model can belong to several groups; a KTable groupBy cannot say
 * that, hence this processor.
 */
final class Membership implements Processor<String, ModelProfile, String, MemberUpdate> {
  private final String storeName;
  private final Function<ModelProfile, Set<String>> groupsOf;
  private ProcessorContext<String, MemberUpdate> context;
  private KeyValueStore<String, Memberships> store;

  Membership(String storeName, Function<ModelProfile, Set<String>> groupsOf) {
    this.storeName = storeName;
    this.groupsOf = groupsOf;
  }

  @Override
  public void init(ProcessorContext<String, MemberUpdate> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, ModelProfile> record) {
    String model = record.key();
    Memberships before = store.get(model);
    Set<String> was = before == null ? Set.of() : before.groups();
    Set<String> now = record.value() == null
        ? Set.of() : new TreeSet<>(groupsOf.apply(record.value()));
    for (String group : new TreeSet<>(was)) {
      if (!now.contains(group)) {
        context.forward(record.withKey(group).withValue(MemberUpdate.leave(model)));
      }
    }
    for (String group : now) {
      context.forward(record.withKey(group).withValue(MemberUpdate.join(record.value())));
    }
    if (now.isEmpty()) {
      if (before != null) {
        // most models are in no panel or cohort: deleting an absent key still costs a store
        // read, a tombstone in RocksDB and one in the changelog
        store.delete(model);
      }
    } else if (!now.equals(was)) {
      store.put(model, new Memberships(now));
    }
  }
}
