package org.hotline8890.rules;

import java.util.ArrayList;
import java.util.List;

/** The table as the page's form posts it: the version it was edited from, and the rows in order. */
public class RuleTableForm {

    private Integer version;
    private List<RowForm> rows = new ArrayList<>();

    public static class RowForm {
        private String id;
        private List<String> inputs = new ArrayList<>();
        private List<String> outputs = new ArrayList<>();
        private String annotation;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public List<String> getInputs() {
            return inputs;
        }

        public void setInputs(List<String> inputs) {
            this.inputs = inputs;
        }

        public List<String> getOutputs() {
            return outputs;
        }

        public void setOutputs(List<String> outputs) {
            this.outputs = outputs;
        }

        public String getAnnotation() {
            return annotation;
        }

        public void setAnnotation(String annotation) {
            this.annotation = annotation;
        }

        RuleTable.Row toRow() {
            return new RuleTable.Row(id == null || id.isBlank() ? null : id, inputs, outputs, annotation);
        }

        static RowForm of(RuleTable.Row row) {
            RowForm form = new RowForm();
            form.id = row.id();
            form.inputs = new ArrayList<>(row.inputs());
            form.outputs = new ArrayList<>(row.outputs());
            form.annotation = row.annotation();
            return form;
        }
    }

    static RuleTableForm of(RuleTable table) {
        RuleTableForm form = new RuleTableForm();
        form.version = table.version();
        table.rows().forEach(r -> form.rows.add(RowForm.of(r)));
        return form;
    }

    List<RuleTable.Row> toRows() {
        return rows.stream().map(RowForm::toRow).toList();
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public List<RowForm> getRows() {
        return rows;
    }

    public void setRows(List<RowForm> rows) {
        this.rows = rows;
    }
}
