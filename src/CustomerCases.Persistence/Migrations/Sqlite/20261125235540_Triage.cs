using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCases.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Triage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseTriage",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModelVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CategoryConfidence = table.Column<double>(type: "REAL", nullable: false),
                    CategoryDecision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CategoryTopJson = table.Column<string>(type: "TEXT", nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PriorityConfidence = table.Column<double>(type: "REAL", nullable: false),
                    PriorityDecision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PriorityTopJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTriage", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "TriageLabels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LabelledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageLabels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TriageModels",
                columns: table => new
                {
                    VersionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportJson = table.Column<string>(type: "TEXT", nullable: false),
                    Package = table.Column<byte[]>(type: "BLOB", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActivatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageModels", x => x.VersionId);
                });

            migrationBuilder.CreateTable(
                name: "TriageTrainingRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CandidateVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Promoted = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecisionJson = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    DatasetCsv = table.Column<string>(type: "TEXT", nullable: true),
                    LabelColumns = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageTrainingRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TriageLabels_CaseId",
                table: "TriageLabels",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_TriageModels_IsActive",
                table: "TriageModels",
                column: "IsActive");

            migrationBuilder.CreateIndex(
                name: "IX_TriageTrainingRuns_StartedAt",
                table: "TriageTrainingRuns",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseTriage");

            migrationBuilder.DropTable(
                name: "TriageLabels");

            migrationBuilder.DropTable(
                name: "TriageModels");

            migrationBuilder.DropTable(
                name: "TriageTrainingRuns");
        }
    }
}
