package org.hotline8890.workflow;

import static org.hotline8890.workflow.ProcessVariables.*;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.hotline8890.assisting.CaseAssist;
import org.hotline8890.cases.CaseStateException;
import org.springframework.stereotype.Component;

/**
 * The one place that talks to Camunda about assists (hotline-assist.bpmn): one instance per assist, its
 * business key the case number (Cockpit finds a case's assists with it), told apart by {@code assistId}.
 */
@Component
class AssistProcess {

    private final RuntimeService runtime;
    private final TaskService tasks;

    AssistProcess(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    void start(String caseNumber, CaseAssist assist, String unitCode) {
        runtime.startProcessInstanceByKey(ASSIST_PROCESS_KEY, caseNumber, Variables.createVariables()
                .putValue(ASSIST_ID, assist.getId())
                .putValue(UNIT_CODE, unitCode)
                .putValue(ASSIST_SIGN_DUE, Date.from(assist.getSignBy()))
                .putValue(ASSIST_WARN_AT, Date.from(assist.getWarnAt()))
                .putValue(ASSIST_DUE, Date.from(assist.getContributeBy())));
    }

    void completeTask(CaseAssist assist, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processDefinitionKey(ASSIST_PROCESS_KEY)
                .processVariableValueEquals(ASSIST_ID, assist.getId()).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new CaseStateException("assist.noSuchStep", "the assist is not waiting for " + taskKey);
        }
        tasks.complete(task.getId(), variables);
    }

    /** Withdrawn by the center or lapsed at the lead's reply: the unit's open step ends (a no-op once it has none). */
    void end(CaseAssist assist) {
        runtime.createMessageCorrelation(MESSAGE_ASSIST_ENDED)
                .processInstanceVariableEquals(ASSIST_ID, assist.getId()).correlateAll();
    }
}
