package org.hotline8890.workflow;

import static org.hotline8890.workflow.ProcessVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.hotline8890.cases.CaseStateException;
import org.hotline8890.cases.HotlineCase;
import org.springframework.stereotype.Component;

/** The one place that talks to Camunda's runtime on behalf of a case; the business key is the case number. */
@Component
class CaseProcess {

    /** The sign-for timers: the direct dispatch's, a sub-center's own and its unit's (both in the sub-center's loop). */
    private static final java.util.Set<String> SIGN_TIMERS = java.util.Set.of("Timer_SignDeadline",
            "Timer_SubCenterSignDeadline", "Timer_LowerSignDeadline");

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    CaseProcess(RuntimeService runtime, TaskService tasks, ManagementService management) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    void start(HotlineCase c, IntakeDecision decision) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, c.getCaseNumber(), Variables.createVariables()
                .putValue(CASE_ID, c.getId())
                .putValue(INTAKE_DECISION, decision.name()));
    }

    /**
     * A transfer between regions (or its refusal) ends the case's running process, its timers with it, and
     * starts a new one at intake review for the region the case is with now. {@code why} goes into Camunda's
     * history as the delete reason: codes only, because Camunda's tables do not take every character.
     */
    void restartAtIntakeReview(HotlineCase c, String why) {
        for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.getCaseNumber()).list()) {
            runtime.deleteProcessInstance(instance.getId(), why);
        }
        start(c, IntakeDecision.REVIEW);
    }

    void completeTask(String caseNumber, String taskKey, Map<String, Object> variables) {
        Task task = findTask(caseNumber, taskKey);
        if (task == null) {
            throw new CaseStateException("case.noSuchStep", "case " + caseNumber + " is not waiting for " + taskKey);
        }
        tasks.complete(task.getId(), variables);
    }

    void correlate(String message, String caseNumber, Map<String, Object> variables) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseNumber)
                .setVariables(variables).correlate();
    }

    /**
     * An approved extension moves the running handling timers rather than restarting the task; the
     * escalation ladder's next step ({@code escalationDue}, null once it is climbed) moves with the deadline.
     */
    void moveHandlingTimers(String processInstanceId, Instant warnAt, Instant due, Instant escalationDue) {
        runtime.setVariable(processInstanceId, HANDLE_WARN_AT, Date.from(warnAt));
        runtime.setVariable(processInstanceId, HANDLE_DUE, Date.from(due));
        if (escalationDue != null) {
            runtime.setVariable(processInstanceId, ESCALATION_DUE_AT, Date.from(escalationDue));
        }
        for (Job timer : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            String activity = timerActivity(timer);
            if ("Timer_HandlingOverdue".equals(activity)) {
                management.setJobDuedate(timer.getId(), Date.from(due));
            } else if ("Timer_HandlingWarning".equals(activity)) {
                management.setJobDuedate(timer.getId(), Date.from(warnAt));
            } else if (escalationDue != null && ("Timer_EscalationDue".equals(activity)
                    || "Timer_NextEscalationStep".equals(activity))) {
                management.setJobDuedate(timer.getId(), Date.from(escalationDue));
            }
        }
    }

    /**
     * A shortened sign-for deadline moves the running sign-for timer; {@code signDue} is set too, so
     * the task entered afresh later (a refused return) reads the same mechanism.
     */
    void moveSignTimer(String caseNumber, Instant due) {
        for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()) {
            for (Job timer : management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
                if (SIGN_TIMERS.contains(timerActivity(timer))) {
                    runtime.setVariable(instance.getId(), SIGN_DUE, Date.from(due));
                    management.setJobDuedate(timer.getId(), Date.from(due));
                }
            }
        }
    }

    /** A reply ends the handling round: the ladder waiting for its next step stops (a no-op when none waits). */
    void stopEscalation(String caseNumber) {
        runtime.createMessageCorrelation(MESSAGE_HANDLING_ENDED).processInstanceBusinessKey(caseNumber).correlateAll();
    }

    private String timerActivity(Job timer) {
        return management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult()
                .getActivityId();
    }

    private Task findTask(String caseNumber, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
                .singleResult();
    }
}
