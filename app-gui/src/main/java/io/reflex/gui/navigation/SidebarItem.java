package io.reflex.gui.navigation;

import io.reflex.client.ObjectType;
import io.reflex.gui.objects.TypeSchema;
import java.util.ArrayList;
import java.util.List;

/** One entry of the sidebar: a type to browse, or one of the special views. */
public record SidebarItem(String label, ObjectType type, Kind kind) {

    /** Which view the entry shows. */
    public enum Kind {
        BROWSE,
        LIVE_INSTANCES,
        TOPOLOGY,
        DISCOVERY,
        LOCAL_RUNS
    }

    public static SidebarItem browse(ObjectType type) {
        return new SidebarItem(TypeSchema.plural(type), type, Kind.BROWSE);
    }

    /** Every type in the engine's order, then the live instances, the pipeline tree and the discovery graph. */
    public static List<SidebarItem> all() {
        List<SidebarItem> items = new ArrayList<>();
        for (ObjectType type : ObjectType.values()) {
            items.add(browse(type));
        }
        items.add(liveInstances());
        items.add(new SidebarItem("pipeline tree", ObjectType.PIPELINE, Kind.TOPOLOGY));
        items.add(new SidebarItem("discovery graph", ObjectType.SERVICE, Kind.DISCOVERY));
        items.add(localRuns());
        return items;
    }

    /** Services run on this machine by the embedded launcher, and launch's preview. */
    public static SidebarItem localRuns() {
        return new SidebarItem("local runs", ObjectType.SERVICE, Kind.LOCAL_RUNS);
    }

    /** The live instance table, where redeploys show their progress. */
    public static SidebarItem liveInstances() {
        return new SidebarItem("live instances", ObjectType.INSTANCE, Kind.LIVE_INSTANCES);
    }

    @Override
    public String toString() {
        return label;
    }
}
