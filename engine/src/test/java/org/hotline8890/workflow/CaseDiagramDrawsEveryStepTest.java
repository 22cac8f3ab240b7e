package org.hotline8890.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * hotline-case.bpmn carries a diagram (BPMN DI), so Cockpit and the Modeler draw the case's life: every
 * flow node has its shape, every sequence flow its edge running from its source shape to its target
 * shape, boundary events sit on their host's border and no two tasks are drawn on top of each other.
 */
class CaseDiagramDrawsEveryStepTest {

    /** How far (in diagram pixels) an edge's end or a boundary event's centre may miss a shape's outline. */
    private static final double TOLERANCE = 3;

    private static BpmnModelInstance model;
    private static Map<String, List<BpmnShape>> shapesByElement;
    private static Map<String, List<BpmnEdge>> edgesByElement;

    @BeforeAll
    static void readModel() throws IOException {
        try (InputStream in = CaseDiagramDrawsEveryStepTest.class.getResourceAsStream("/bpmn/hotline-case.bpmn")) {
            assertThat(in).as("hotline-case.bpmn on the class path").isNotNull();
            model = Bpmn.readModelFromStream(in);
        }
        shapesByElement = model.getModelElementsByType(BpmnShape.class).stream()
                .filter(shape -> shape.getBpmnElement() != null)
                .collect(Collectors.groupingBy(shape -> shape.getBpmnElement().getId()));
        edgesByElement = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(edge -> edge.getBpmnElement() != null)
                .collect(Collectors.groupingBy(edge -> edge.getBpmnElement().getId()));
    }

    @Test
    void everyFlowNodeIsDrawnExactlyOnce() {
        Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
        assertThat(nodes).isNotEmpty();
        for (FlowNode node : nodes) {
            assertThat(shapesByElement.getOrDefault(node.getId(), List.of()))
                    .as("shapes of %s", node.getId()).hasSize(1);
        }
    }

    @Test
    void everySequenceFlowIsDrawnOnceFromItsSourceToItsTarget() {
        Collection<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class);
        assertThat(flows).isNotEmpty();
        for (SequenceFlow flow : flows) {
            List<BpmnEdge> edges = edgesByElement.getOrDefault(flow.getId(), List.of());
            assertThat(edges).as("edges of %s", flow.getId()).hasSize(1);
            List<Waypoint> waypoints = new ArrayList<>(edges.get(0).getWaypoints());
            assertThat(waypoints).as("waypoints of %s", flow.getId()).hasSizeGreaterThanOrEqualTo(2);

            Waypoint first = waypoints.get(0);
            Waypoint last = waypoints.get(waypoints.size() - 1);
            assertThat(onOutline(flow.getSource(), first.getX(), first.getY()))
                    .as("%s starts at (%s, %s), on the outline of %s", flow.getId(), first.getX(), first.getY(),
                            flow.getSource().getId())
                    .isTrue();
            assertThat(onOutline(flow.getTarget(), last.getX(), last.getY()))
                    .as("%s ends at (%s, %s), on the outline of %s", flow.getId(), last.getX(), last.getY(),
                            flow.getTarget().getId())
                    .isTrue();
        }
    }

    @Test
    void boundaryEventsSitOnTheirHostsBorder() {
        Collection<BoundaryEvent> boundaryEvents = model.getModelElementsByType(BoundaryEvent.class);
        assertThat(boundaryEvents).isNotEmpty();
        for (BoundaryEvent event : boundaryEvents) {
            Bounds own = boundsOf(event);
            double centreX = own.getX() + own.getWidth() / 2;
            double centreY = own.getY() + own.getHeight() / 2;
            assertThat(distanceToRectangleOutline(boundsOf(event.getAttachedTo()), centreX, centreY))
                    .as("centre of %s from the border of %s", event.getId(), event.getAttachedTo().getId())
                    .isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @Test
    void noTwoTasksAreDrawnOnTopOfEachOther() {
        List<Activity> activities = new ArrayList<>(model.getModelElementsByType(Activity.class));
        Map<String, Bounds> bounds = activities.stream()
                .collect(Collectors.toMap(Activity::getId, CaseDiagramDrawsEveryStepTest::boundsOf));
        for (int i = 0; i < activities.size(); i++) {
            for (int j = i + 1; j < activities.size(); j++) {
                String a = activities.get(i).getId();
                String b = activities.get(j).getId();
                assertThat(overlap(bounds.get(a), bounds.get(b))).as("%s overlaps %s", a, b).isFalse();
            }
        }
    }

    private static Bounds boundsOf(FlowNode node) {
        return shapesByElement.get(node.getId()).get(0).getBounds();
    }

    /** On the shape's box, or, for a gateway, also on the diamond drawn inside it. */
    private static boolean onOutline(FlowNode node, double x, double y) {
        Bounds box = boundsOf(node);
        if (distanceToRectangleOutline(box, x, y) <= TOLERANCE) {
            return true;
        }
        return node instanceof Gateway && distanceToDiamondOutline(box, x, y) <= TOLERANCE;
    }

    private static double distanceToRectangleOutline(Bounds box, double x, double y) {
        double left = box.getX();
        double top = box.getY();
        double right = left + box.getWidth();
        double bottom = top + box.getHeight();
        double dx = Math.max(Math.max(left - x, 0), x - right);
        double dy = Math.max(Math.max(top - y, 0), y - bottom);
        if (dx > 0 || dy > 0) {
            return Math.hypot(dx, dy);
        }
        return min(x - left, right - x, y - top, bottom - y);
    }

    /** Distance, measured along the axes' scale, from the diamond whose corners are the box's edge midpoints. */
    private static double distanceToDiamondOutline(Bounds box, double x, double y) {
        double halfWidth = box.getWidth() / 2;
        double halfHeight = box.getHeight() / 2;
        double dx = Math.abs(x - (box.getX() + halfWidth)) / halfWidth;
        double dy = Math.abs(y - (box.getY() + halfHeight)) / halfHeight;
        return Math.abs(dx + dy - 1) * Math.min(halfWidth, halfHeight);
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    private static double min(double... values) {
        double min = Double.MAX_VALUE;
        for (double value : values) {
            min = Math.min(min, value);
        }
        return min;
    }
}
