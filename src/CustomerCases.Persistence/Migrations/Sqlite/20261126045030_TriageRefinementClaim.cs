using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCases.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TriageRefinementClaim : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
