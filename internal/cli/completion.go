package cli

import (
	"github.com/spf13/cobra"
)

func newCompletionCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print a shell completion script",
		Long: `Completion prints a script that makes your shell complete relgraph's
commands, flags and flag values. Load it for the current session, or save
it where your shell looks for completions.`,
		Example: `  source <(relgraph completion bash)                       # bash, this session
  relgraph completion bash > /etc/bash_completion.d/relgraph
  relgraph completion zsh > "${fpath[1]}/_relgraph"         # zsh (compinit on)
  relgraph completion fish > ~/.config/fish/completions/relgraph.fish
  relgraph completion powershell | Out-String | Invoke-Expression`,
		ValidArgs:             []string{"bash", "zsh", "fish", "powershell"},
		Args:                  cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs),
		DisableFlagsInUseLine: true,
		RunE: func(c *cobra.Command, args []string) error {
			root := c.Root()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(s.Out, true)
			case "zsh":
				return root.GenZshCompletion(s.Out)
			case "fish":
				return root.GenFishCompletion(s.Out, true)
			default:
				return root.GenPowerShellCompletionWithDesc(s.Out)
			}
		},
	}
}
